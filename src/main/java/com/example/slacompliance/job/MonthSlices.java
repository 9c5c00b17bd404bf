package com.example.slacompliance.job;

import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.source.TicketSource.ClosedAtStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a month's {@code [start, end)} into consecutive slices, {@code from}, {@code to} (epoch
 * seconds), of about as many tickets each: by the histogram of {@code closed_at} that PostgreSQL keeps
 * for its planner, when it is recent enough to know the month, else of equal time. The slices run at
 * once, and the step ends with the last one: a million tickets of October in equal halves of time were
 * 526,266 and 473,734, and one slice finished 0.3 s before the other.
 */
final class MonthSlices implements Partitioner {

    /** Fewer of the histogram's buckets in the month than this, and the slices are of equal time. */
    static final double MIN_BUCKETS = 8;

    /** Tickets changed since the statistics were made, as a share of the month's, above which they are not used. */
    static final double MAX_CHANGED = 0.05;

    private final ReportingPeriod period;
    private final Supplier<ClosedAtStatistics> statistics;

    MonthSlices(ReportingPeriod period, Supplier<ClosedAtStatistics> statistics) {
        this.period = period;
        this.statistics = statistics;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int slices = Math.max(1, gridSize);
        long[] cuts = cuts(period.start().getEpochSecond(), period.end().getEpochSecond(), slices,
                slices == 1 ? ClosedAtStatistics.NONE : statistics.get());
        Map<String, ExecutionContext> result = new LinkedHashMap<>();
        for (int i = 0; i < slices; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putLong("from", cuts[i]);
            context.putLong("to", cuts[i + 1]);
            result.put("slice" + i, context);
        }
        return result;
    }

    /**
     * The {@code slices + 1} ends of the slices, from {@code start} to {@code end}, each slice with an
     * equal share of the histogram's tickets in the month (spread evenly within each bucket). Of equal
     * time when the histogram has fewer than {@link #MIN_BUCKETS} buckets in the month, when more tickets
     * changed since it was made than {@link #MAX_CHANGED} of the month's (it may not know the month's
     * latest), or when the histogram would leave a slice empty.
     */
    static long[] cuts(long start, long end, int slices, ClosedAtStatistics statistics) {
        long[] bounds = statistics.bounds();
        long[] cuts = new long[slices + 1];
        cuts[0] = start;
        cuts[slices] = end;
        double below = share(bounds, start);
        double inMonth = share(bounds, end) - below;
        double monthTickets = bounds.length < 2 ? 0 : statistics.tickets() * inMonth / (bounds.length - 1);
        boolean known = inMonth >= MIN_BUCKETS && statistics.changedSince() <= MAX_CHANGED * monthTickets;
        for (int i = 1; i < slices; i++) {
            cuts[i] = known ? at(bounds, below + inMonth * i / slices) : start + (end - start) * i / slices;
            if (known && (cuts[i] <= cuts[i - 1] || cuts[i] >= end)) {
                return cuts(start, end, slices, ClosedAtStatistics.NONE);
            }
        }
        return cuts;
    }

    /** The buckets, whole and in part, below {@code t}. */
    private static double share(long[] bounds, long t) {
        if (bounds.length < 2 || t <= bounds[0]) {
            return 0;
        }
        int last = bounds.length - 1;
        if (t >= bounds[last]) {
            return last;
        }
        int i = 0;
        while (bounds[i + 1] <= t) {
            i++;
        }
        return i + (double) (t - bounds[i]) / (bounds[i + 1] - bounds[i]);
    }

    /** The instant below which {@code share} buckets lie (0 < share < the number of buckets). */
    private static long at(long[] bounds, double share) {
        int i = (int) share;
        return bounds[i] + Math.round((share - i) * (bounds[i + 1] - bounds[i]));
    }
}
