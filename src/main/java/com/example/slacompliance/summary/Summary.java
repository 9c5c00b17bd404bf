package com.example.slacompliance.summary;

import com.example.slacompliance.sla.Status;
import com.example.slacompliance.sla.Tier;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The summary figures of SLA-RULES.md for one period, from its judged tickets: per severity and tier,
 * per severity over all tiers, and over all severities (per tier and over all tiers).
 *
 * <p>Add every judged ticket of the period, then ask for {@link #figures}. It keeps the counts and the
 * evaluated tickets' ack and response seconds (16 bytes a ticket), so percentiles are exact.
 */
public final class Summary {

    /** The percentiles of the summary, as {@code percentile_cont}. */
    static final double P50 = 0.5;
    static final double P90 = 0.9;

    /** Tickets of one severity and tier. */
    private static final class Bucket {
        int closed;
        int evaluated;
        int ackMet;
        int ackBreached;
        int responseMet;
        int responseBreached;
        int withBreach;
        long[] ack = new long[64]; // of evaluated tickets; the first ackCount are set
        long[] response = new long[64];
        int ackCount;
        int responseCount;
        boolean sorted;

        void add(Status ackStatus, Status responseStatus, long ackSeconds, long responseSeconds) {
            closed++;
            sorted = false;
            if (ackStatus != Status.EXEMPT) {
                evaluated++;
                if (ackCount == ack.length) {
                    ack = Arrays.copyOf(ack, Math.max(64, ack.length * 2));
                }
                ack[ackCount++] = ackSeconds;
            }
            if (responseStatus != Status.EXEMPT) {
                if (responseCount == response.length) {
                    response = Arrays.copyOf(response, Math.max(64, response.length * 2));
                }
                response[responseCount++] = responseSeconds;
            }
            ackMet += ackStatus == Status.MET ? 1 : 0;
            ackBreached += ackStatus == Status.BREACHED ? 1 : 0;
            responseMet += responseStatus == Status.MET ? 1 : 0;
            responseBreached += responseStatus == Status.BREACHED ? 1 : 0;
            withBreach += ackStatus == Status.BREACHED || responseStatus == Status.BREACHED ? 1 : 0;
        }

        /** Trims and sorts the seconds; call once all tickets are in. */
        void sort() {
            if (!sorted) {
                ack = Arrays.copyOf(ack, ackCount);
                response = Arrays.copyOf(response, responseCount);
                Arrays.sort(ack);
                Arrays.sort(response);
                sorted = true;
            }
        }
    }

    /**
     * The figures of a group of tickets.
     *
     * @param withBreach tickets that breached their acknowledgment or their response target
     * @param ackPct     100 x met / evaluated, rounded half-up to 2 decimals; null when none was evaluated
     * @param ackP50     percentiles of the evaluated tickets' seconds, rounded to the millisecond; null when none
     */
    public record Figures(int closed, int evaluated, int ackMet, int ackBreached, int responseMet,
                          int responseBreached, int withBreach, BigDecimal ackPct, BigDecimal responsePct,
                          Double ackP50, Double ackP90, Double responseP50, Double responseP90) {
    }

    private final Bucket[][] buckets = new Bucket[4][Tier.values().length];

    public Summary() {
        for (Bucket[] severity : buckets) {
            for (int t = 0; t < severity.length; t++) {
                severity[t] = new Bucket();
            }
        }
    }

    /** One judged ticket of the period. */
    public void add(int severity, Tier tier, Status ackStatus, Status responseStatus, long ackSeconds,
                    long responseSeconds) {
        if (severity < 1 || severity > 4) {
            throw new IllegalArgumentException("severity must be 1 to 4, got " + severity);
        }
        buckets[severity - 1][tier.ordinal()].add(ackStatus, responseStatus, ackSeconds, responseSeconds);
    }

    /**
     * The figures of a group.
     *
     * @param severity 1 to 4, or null for all severities
     * @param tier     a tier, or null for all tiers
     */
    public Figures figures(Integer severity, Tier tier) {
        List<Bucket> group = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            for (Tier t : Tier.values()) {
                if ((severity == null || severity == s) && (tier == null || tier == t)) {
                    group.add(buckets[s - 1][t.ordinal()]);
                }
            }
        }
        int closed = 0, evaluated = 0, ackMet = 0, ackBreached = 0, responseMet = 0, responseBreached = 0,
                withBreach = 0;
        for (Bucket b : group) {
            b.sort();
            closed += b.closed;
            evaluated += b.evaluated;
            ackMet += b.ackMet;
            ackBreached += b.ackBreached;
            responseMet += b.responseMet;
            responseBreached += b.responseBreached;
            withBreach += b.withBreach;
        }
        long[][] ack = group.stream().map(b -> b.ack).toArray(long[][]::new);
        long[][] response = group.stream().map(b -> b.response).toArray(long[][]::new);
        return new Figures(closed, evaluated, ackMet, ackBreached, responseMet, responseBreached, withBreach,
                pct(ackMet, evaluated), pct(responseMet, evaluated),
                percentile(P50, ack), percentile(P90, ack), percentile(P50, response), percentile(P90, response));
    }

    /**
     * 100 x met / evaluated rounded half-up to 2 decimals (SLA-RULES.md), in integer arithmetic:
     * floor((20000 x met + n) / 2n) hundredths.
     */
    static BigDecimal pct(long met, long evaluated) {
        return evaluated == 0 ? null : BigDecimal.valueOf((20000 * met + evaluated) / (2 * evaluated), 2);
    }

    /**
     * PostgreSQL's {@code percentile_cont(p)} of the values of several sorted arrays together (linear
     * interpolation between the values at ranks floor and ceil of p x (n - 1), in double precision), then
     * rounded as {@code round(CAST(x AS numeric), 3)} does: to 15 significant digits, then half-up to the
     * millisecond. Null when there is no value.
     */
    static Double percentile(double p, long[]... sorted) {
        long n = 0;
        for (long[] values : sorted) {
            n += values.length;
        }
        if (n == 0) {
            return null;
        }
        double position = p * (n - 1);
        long lower = (long) Math.floor(position);
        long upper = (long) Math.ceil(position);
        double first = ranked(lower, sorted);
        double value = upper == lower ? first : first + (position - lower) * (ranked(upper, sorted) - first);
        return new BigDecimal(value).round(new MathContext(15, RoundingMode.HALF_EVEN))
                .setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The value at a 0-based rank of the merged sorted arrays: the smallest value with more than
     * {@code rank} values at or below it, found by bisecting the values' range (a walk of the merge
     * took about 0.5 s of a million tickets' summary).
     */
    private static long ranked(long rank, long[]... sorted) {
        if (sorted.length == 1) {
            return sorted[0][(int) rank];
        }
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (long[] values : sorted) {
            if (values.length > 0) {
                low = Math.min(low, values[0]);
                high = Math.max(high, values[values.length - 1]);
            }
        }
        while (low < high) {
            long middle = (low & high) + ((low ^ high) >> 1); // the floor of their mean, without overflow
            if (atMost(middle, sorted) > rank) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** How many of the sorted arrays' values are at most {@code value}. */
    private static long atMost(long value, long[][] sorted) {
        long count = 0;
        for (long[] values : sorted) {
            int low = 0;
            int high = values.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle] <= value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            count += low;
        }
        return count;
    }
}
