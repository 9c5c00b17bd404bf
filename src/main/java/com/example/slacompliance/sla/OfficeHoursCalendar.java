package com.example.slacompliance.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Set;

/**
 * A desk open every day from {@code opens} (inclusive) to {@code closes} (exclusive) local time in a
 * zone, closed on holiday dates. A day's window runs from the first instant local clocks read
 * {@code opens} to the first instant they read {@code closes} (a time skipped by a daylight-saving gap
 * starts at the end of the gap), so a day is not always as long as the others.
 *
 * <p>For days from 1900 to 2200 it keeps, per local day, the window and the open seconds before it, so
 * elapsed time costs the same for a ticket open three minutes or three years, and a due instant is
 * found by a search that starts on the ticket's own day. Days outside that range are walked one by one.
 */
public final class OfficeHoursCalendar implements SupportCalendar {

    static final LocalDate TABLE_FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate TABLE_END_DAY = LocalDate.of(2200, 1, 1);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    private final long firstEpochDay;
    private final long[] openStart;  // per table day: first open second
    private final long[] openEnd;    // per table day: first closed second after the window
    private final long[] openBefore; // per table day, plus one: open seconds from the table start to that day's start
    private final long tableStart;   // start of the first table day's window
    private final long tableEnd;     // end of the last table day's window
    private final boolean ordered;   // each window starts no earlier than the previous one ends

    public OfficeHoursCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.opens = Objects.requireNonNull(opens, "opens");
        this.closes = Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("the desk must open before it closes: " + opens + " - " + closes);
        }
        this.holidays = Set.copyOf(holidays);
        this.firstEpochDay = TABLE_FIRST_DAY.toEpochDay();
        int days = (int) (TABLE_END_DAY.toEpochDay() - firstEpochDay);
        openStart = new long[days];
        openEnd = new long[days];
        openBefore = new long[days + 1];
        for (int i = 0; i < days; i++) {
            long[] window = window(LocalDate.ofEpochDay(firstEpochDay + i));
            openStart[i] = window[0];
            openEnd[i] = window[1];
            openBefore[i + 1] = openBefore[i] + (window[1] - window[0]);
        }
        tableStart = openStart[0];
        tableEnd = openEnd[days - 1];
        boolean inOrder = true;
        for (int i = 1; i < days && inOrder; i++) {
            inOrder = openStart[i] >= openEnd[i - 1];
        }
        ordered = inOrder;
    }

    /** The 14x7 desk of the policy: 08:00 to 22:00 every day. */
    public static OfficeHoursCalendar fourteenBySeven(ZoneId zone, Set<LocalDate> holidays) {
        return new OfficeHoursCalendar(zone, LocalTime.of(8, 0), LocalTime.of(22, 0), holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    @Override
    public long elapsed(long from, long to) {
        SupportCalendar.requireOrdered(from, to);
        if (from >= tableStart && to <= tableEnd) {
            return openUntil(to) - openUntil(from);
        }
        long total = 0;
        if (from < tableStart) {
            total += walkElapsed(from, Math.min(to, tableStart));
        }
        long midFrom = Math.max(from, tableStart);
        long midTo = Math.min(to, tableEnd);
        if (midFrom < midTo) {
            total += openUntil(midTo) - openUntil(midFrom);
        }
        if (to > tableEnd) {
            total += walkElapsed(Math.max(from, tableEnd), to);
        }
        return total;
    }

    @Override
    public long due(long from, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative target: " + seconds);
        }
        if (seconds == 0) {
            return from;
        }
        long remaining = seconds;
        long start = from;
        if (start < tableStart) {
            long before = walkElapsed(start, tableStart);
            if (before >= remaining) {
                return walkDue(start, remaining);
            }
            remaining -= before;
            start = tableStart;
        }
        if (start < tableEnd) {
            int day = dayIndex(start);
            long target = openUntil(day, start) + remaining;
            long total = openBefore[openBefore.length - 1];
            if (target <= total) {
                return tableDue(day, target);
            }
            remaining = target - total;
            start = tableEnd;
        }
        return walkDue(start, remaining);
    }

    /** Open seconds from the table start up to {@code t}, for t within the table. */
    private long openUntil(long t) {
        return openUntil(dayIndex(t), t);
    }

    /** Open seconds from the table start up to {@code t}, given the table day {@code i} of t. */
    private long openUntil(int i, long t) {
        long within = Math.min(Math.max(t - openStart[i], 0), openEnd[i] - openStart[i]);
        return openBefore[i] + within;
    }

    /** The instant where the open seconds since the table start reach {@code target}, searching from day {@code i}. */
    private long tableDue(int i, long target) {
        // gallop forward from the ticket's day, then bisect: a few steps whatever the span
        int lo = i;
        int step = 1;
        int hi = i;
        while (openBefore[hi + 1] < target) {
            lo = hi + 1;
            hi = Math.min(hi + step, openStart.length - 1);
            step *= 2;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openBefore[mid + 1] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return openStart[lo] + (target - openBefore[lo]);
    }

    /**
     * The table day to measure {@code t} against, for t within the table: the last day whose window
     * starts at or before t. While windows are in order that day's window is the only one that can
     * contain t, all before it are over and none after it has begun, so this equals the local date of
     * t for what {@link #openUntil(int, long)} makes of it, without asking the zone rules (the costly
     * part). Windows start about a day apart, so a guess from the distance to the table start is off by
     * a step or two at most (offsets drift a few hours over three centuries, a day at a date-line move).
     */
    private int dayIndex(long t) {
        int last = openStart.length - 1;
        if (!ordered) {
            int index = (int) (localEpochDay(t) - firstEpochDay);
            return Math.max(0, Math.min(index, last));
        }
        int i = (int) Math.max(0, Math.min(Math.floorDiv(t - tableStart, 86_400L), last));
        while (i > 0 && openStart[i] > t) {
            i--;
        }
        while (i < last && openStart[i + 1] <= t) {
            i++;
        }
        return i;
    }

    private long localEpochDay(long t) {
        int offset = rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
        return Math.floorDiv(t + offset, 86_400L);
    }

    /**
     * {start, end} of the open window of a local date; empty on holidays, and on a date whose opening
     * time local clocks never read because the zone skipped it (crossing the date line, as
     * Pacific/Apia skipped 2011-12-30): its opening time resolves into the next date, whose own window
     * it would otherwise count a second time.
     */
    private long[] window(LocalDate date) {
        ZonedDateTime opening = date.atTime(opens).atZone(zone);
        long start = opening.toEpochSecond();
        if (holidays.contains(date) || !opening.toLocalDate().equals(date)) {
            return new long[] {start, start};
        }
        long end = date.atTime(closes).atZone(zone).toEpochSecond();
        return new long[] {start, Math.max(start, end)};
    }

    /** Day-by-day elapsed time, for instants outside the table. */
    private long walkElapsed(long from, long to) {
        long total = 0;
        for (long day = localEpochDay(from); ; day++) {
            long[] w = window(LocalDate.ofEpochDay(day));
            if (w[0] >= to) {
                return total;
            }
            total += Math.max(0, Math.min(w[1], to) - Math.max(w[0], from));
        }
    }

    /** Day-by-day due instant, for instants outside the table. */
    private long walkDue(long from, long seconds) {
        long remaining = seconds;
        for (long day = localEpochDay(from); ; day++) {
            long[] w = window(LocalDate.ofEpochDay(day));
            long begin = Math.max(w[0], from);
            long available = Math.max(0, w[1] - begin);
            if (available >= remaining) {
                return begin + remaining;
            }
            remaining -= available;
        }
    }

    @Override
    public String toString() {
        return opens + "-" + closes + " " + zone + (holidays.isEmpty() ? "" : " except " + holidays.size() + " holiday(s)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OfficeHoursCalendar other && zone.equals(other.zone) && opens.equals(other.opens)
                && closes.equals(other.closes) && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, opens, closes, holidays);
    }
}
