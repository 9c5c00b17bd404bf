package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.sla.ReportingPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class MonthSlicesTest {

    @Test
    void slicesCoverTheLocalMonthWithoutGapOrOverlap() {
        ReportingPeriod october = new ReportingPeriod(YearMonth.of(2026, 10), ZoneId.of("Asia/Kolkata"));
        List<ExecutionContext> slices = List.copyOf(new MonthSlices(october).partition(3).values());

        assertThat(slices).hasSize(3);
        assertThat(slices.get(0).getLong("from")).isEqualTo(Instant.parse("2026-09-30T18:30:00Z").getEpochSecond());
        assertThat(slices.get(2).getLong("to")).isEqualTo(Instant.parse("2026-10-31T18:30:00Z").getEpochSecond());
        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i).getLong("from")).isEqualTo(slices.get(i - 1).getLong("to"));
            assertThat(slices.get(i).getLong("to")).isGreaterThan(slices.get(i).getLong("from"));
        }
    }

    @Test
    void oneSliceIsTheWholeMonth() {
        ReportingPeriod march = new ReportingPeriod(YearMonth.of(2026, 3), ZoneId.of("Europe/London"));
        ExecutionContext only = new MonthSlices(march).partition(1).values().iterator().next();
        assertThat(only.getLong("from")).isEqualTo(march.start().getEpochSecond());
        assertThat(only.getLong("to")).isEqualTo(march.end().getEpochSecond());
    }
}
