package com.example.slacompliance.workbook;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A zone's offset from UTC at an instant, looked up in the zone's rules once for each stretch of time
 * between two of its transitions: the long lists convert four to six instants a row, and looking each
 * one up (a binary search of the zone's history, then a date and a time made from it) was a fifth of
 * a list writer's time. Safe to share between threads: the last stretch looked up is one immutable
 * value, and a thread that sees an older one only looks up again.
 */
final class ZoneOffsets {

    /** The instants {@code [from, until)} (epoch seconds) that have {@code offset}. */
    private record Stretch(long from, long until, ZoneOffset offset) {

        boolean holds(long epochSecond) {
            return epochSecond >= from && epochSecond < until;
        }
    }

    private final ZoneRules rules;
    private Stretch last = new Stretch(0, 0, ZoneOffset.UTC); // holds no instant

    ZoneOffsets(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The offset at the instant {@code epochSecond} (of any nanosecond within that second). */
    ZoneOffset at(long epochSecond) {
        Stretch stretch = last;
        if (!stretch.holds(epochSecond)) {
            stretch = lookUp(epochSecond);
            last = stretch;
        }
        return stretch.offset();
    }

    private Stretch lookUp(long epochSecond) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        // the last transition at or before the second (previousTransition gives the last one before its argument)
        ZoneOffsetTransition previous = rules.previousTransition(
                epochSecond < Instant.MAX.getEpochSecond() ? at.plusSeconds(1) : at);
        ZoneOffsetTransition next = rules.nextTransition(at);
        long from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        long until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        return new Stretch(from, until, rules.getOffset(at));
    }
}
