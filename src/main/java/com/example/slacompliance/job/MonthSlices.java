package com.example.slacompliance.job;

import com.example.slacompliance.sla.ReportingPeriod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Splits a month's {@code [start, end)} into consecutive, equal slices of time: {@code from}, {@code to} (epoch seconds). */
final class MonthSlices implements Partitioner {

    private final ReportingPeriod period;

    MonthSlices(ReportingPeriod period) {
        this.period = period;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int slices = Math.max(1, gridSize);
        long start = period.start().getEpochSecond();
        long end = period.end().getEpochSecond();
        Map<String, ExecutionContext> result = new LinkedHashMap<>();
        for (int i = 0; i < slices; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putLong("from", start + (end - start) * i / slices);
            context.putLong("to", i == slices - 1 ? end : start + (end - start) * (i + 1) / slices);
            result.put("slice" + i, context);
        }
        return result;
    }
}
