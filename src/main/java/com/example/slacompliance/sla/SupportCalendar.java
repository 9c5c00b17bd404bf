package com.example.slacompliance.sla;

import java.time.Instant;

/**
 * When a support desk is open. Works in epoch seconds: instants are truncated to whole seconds
 * before they reach a calendar.
 */
public interface SupportCalendar {

    /** Seconds in {@code [from, to)} during which the desk is open; {@code to} must not be before {@code from}. */
    long elapsed(long fromEpochSecond, long toEpochSecond);

    /**
     * The earliest instant at which the open time since {@code from} reaches {@code seconds}
     * ({@code from} itself for zero). Always {@code elapsed(from, due(from, s)) == s}.
     */
    long due(long fromEpochSecond, long seconds);

    default long elapsed(Instant from, Instant to) {
        return elapsed(from.getEpochSecond(), to.getEpochSecond());
    }

    default Instant due(Instant from, long seconds) {
        return Instant.ofEpochSecond(due(from.getEpochSecond(), seconds));
    }

    /** The Enterprise desk: every second counts. */
    SupportCalendar ALWAYS_OPEN = new SupportCalendar() {
        @Override
        public long elapsed(long from, long to) {
            requireOrdered(from, to);
            return to - from;
        }

        @Override
        public long due(long from, long seconds) {
            return from + seconds;
        }

        @Override
        public String toString() {
            return "24x7";
        }
    };

    static void requireOrdered(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("interval ends before it starts: " + from + " > " + to);
        }
    }
}
