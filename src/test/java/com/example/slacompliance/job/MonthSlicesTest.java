package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.source.TicketSource.ClosedAtStatistics;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class MonthSlicesTest {

    @Test
    void slicesCoverTheLocalMonthWithoutGapOrOverlap() {
        ReportingPeriod october = new ReportingPeriod(YearMonth.of(2026, 10), ZoneId.of("Asia/Kolkata"));
        List<ExecutionContext> slices = List.copyOf(new MonthSlices(october, () -> ClosedAtStatistics.NONE).partition(3).values());

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
        ExecutionContext only = new MonthSlices(march, () -> {
            throw new AssertionError("one slice needs no statistics");
        }).partition(1).values().iterator().next();
        assertThat(only.getLong("from")).isEqualTo(march.start().getEpochSecond());
        assertThat(only.getLong("to")).isEqualTo(march.end().getEpochSecond());
    }

    private static final long START = Instant.parse("2026-09-30T18:30:00Z").getEpochSecond();
    private static final long END = Instant.parse("2026-10-31T18:30:00Z").getEpochSecond();

    @Test
    void slicesHoldAboutAsManyTicketsEachByTheHistogram() {
        Random random = new Random(5);
        long[] closed = new long[200_000]; // most tickets in the first week, some before and after the month
        for (int i = 0; i < closed.length; i++) {
            double u = random.nextDouble();
            closed[i] = i % 10 == 0 ? START - 86_400L * 60 + (long) (u * 86_400 * 150)
                    : START + (long) (u * u * u * (END - START));
        }
        Arrays.sort(closed);
        long[] bounds = new long[101]; // as ANALYZE makes them: equal shares of the (here: all) tickets
        for (int i = 0; i <= 100; i++) {
            bounds[i] = closed[Math.min(closed.length - 1, (int) ((long) i * closed.length / 100))];
        }
        ClosedAtStatistics fresh = new ClosedAtStatistics(bounds, closed.length, 0);
        for (int slices : new int[] {2, 3, 4}) {
            long[] cuts = MonthSlices.cuts(START, END, slices, fresh);
            long inMonth = count(closed, START, END);
            for (int i = 0; i < slices; i++) {
                assertThat((double) count(closed, cuts[i], cuts[i + 1]))
                        .as("slice %d of %d", i, slices).isCloseTo(inMonth / (double) slices, org.assertj.core.data.Percentage.withPercentage(3));
            }
            assertThat(cuts[0]).isEqualTo(START);
            assertThat(cuts[slices]).isEqualTo(END);
        }
        assertThat(MonthSlices.cuts(START, END, 2, fresh)[1]).as("not the middle of the month's time")
                .isLessThan(START + (END - START) / 3);
        long inMonth = count(closed, START, END);
        ClosedAtStatistics changedSince = new ClosedAtStatistics(bounds, closed.length, inMonth / 10);
        assertThat(MonthSlices.cuts(START, END, 2, changedSince)).as("a tenth of the month's tickets changed since")
                .containsExactly(START, START + (END - START) / 2, END);
    }

    @Test
    void equalTimeWhenTheStatisticsDoNotKnowTheMonth() {
        long half = START + (END - START) / 2;
        long[] fewInMonth = bucketsEvenlyFrom(START - 86_400L * 3650, END + 86_400L * 3650, 100); // 1.5 buckets in it
        for (ClosedAtStatistics statistics : List.of(ClosedAtStatistics.NONE,
                new ClosedAtStatistics(fewInMonth, 10_000_000, 0))) {
            assertThat(MonthSlices.cuts(START, END, 2, statistics)).containsExactly(START, half, END);
        }
        long[] known = bucketsEvenlyFrom(START - 86_400L * 31, END + 86_400L * 31, 100);
        assertThat(MonthSlices.cuts(START, END, 2, new ClosedAtStatistics(known, 1_000_000, 0))[1])
                .isCloseTo(half, org.assertj.core.data.Offset.offset(60L));
    }

    @Test
    void sliceOfNoTimeFallsBackToEqualTime() {
        long[] oneInstant = new long[101]; // every sampled ticket closed in the same second
        Arrays.fill(oneInstant, START + 100);
        oneInstant[100] = END;
        long[] cuts = MonthSlices.cuts(START, END, 3, new ClosedAtStatistics(oneInstant, 1_000_000, 0));
        assertThat(cuts).containsExactly(START, START + (END - START) / 3, START + (END - START) * 2 / 3, END);
    }

    @Test
    void moreSlicesThanSecondsAreEqualTimeAsBeforeNotARecursionWithoutEnd() {
        assertThat(MonthSlices.cuts(START, START + 3, 5, ClosedAtStatistics.NONE))
                .containsExactly(START, START, START + 1, START + 1, START + 2, START + 3);
    }

    private static long count(long[] sorted, long from, long to) {
        return Arrays.stream(sorted).filter(t -> t >= from && t < to).count();
    }

    private static long[] bucketsEvenlyFrom(long first, long last, int buckets) {
        long[] bounds = new long[buckets + 1];
        for (int i = 0; i <= buckets; i++) {
            bounds[i] = first + (last - first) * i / buckets;
        }
        return bounds;
    }
}
