package com.example.slacompliance.sla;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Acknowledgment and response targets per severity 1 to 4, in seconds of support time. */
public final class Targets {

    private final long[] ack;
    private final long[] response;

    private Targets(long[] ack, long[] response) {
        this.ack = ack;
        this.response = response;
    }

    /** Targets from four acknowledgment and four response durations, severity 1 first. */
    public static Targets of(List<Duration> ack, List<Duration> response) {
        return new Targets(seconds("ack", ack), seconds("response", response));
    }

    /** The table of the support policy: ack 30 min for all; response 2 h, 5 h, 24 h, 24 h. */
    public static Targets policyTable() {
        Duration halfHour = Duration.ofMinutes(30);
        return of(List.of(halfHour, halfHour, halfHour, halfHour),
                List.of(Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(24), Duration.ofHours(24)));
    }

    public long ackSeconds(int severity) {
        return ack[Severity.index(severity)];
    }

    public long responseSeconds(int severity) {
        return response[Severity.index(severity)];
    }

    private static long[] seconds(String what, List<Duration> durations) {
        if (durations == null || durations.size() != Severity.COUNT) {
            throw new IllegalArgumentException(what + " targets need exactly " + Severity.COUNT
                    + " durations (severity 1 to 4), got " + (durations == null ? "none" : durations.size()));
        }
        long[] result = new long[Severity.COUNT];
        for (int i = 0; i < result.length; i++) {
            Duration d = durations.get(i);
            if (d == null || d.isNegative() || d.getNano() != 0) {
                throw new IllegalArgumentException(what + " target of severity " + (i + 1)
                        + " must be a non-negative whole number of seconds, got " + d);
            }
            result[i] = d.getSeconds();
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Targets t && Arrays.equals(ack, t.ack) && Arrays.equals(response, t.response);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ack) + Arrays.hashCode(response);
    }

    @Override
    public String toString() {
        return "ack " + Arrays.toString(ack) + " s, response " + Arrays.toString(response) + " s";
    }
}
