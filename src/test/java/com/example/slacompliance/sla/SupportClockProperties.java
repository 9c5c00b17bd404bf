package com.example.slacompliance.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The support clock against slow, obviously correct references:
 * <ul>
 *   <li>minute by minute: a whole minute {@code [m, m+60)} is open when the local clock reads 08:00 to
 *       21:59 on a day that is not a holiday (valid for the zones below from 1990 to 2100, where no
 *       clock change happens between 08:00 and 22:00 and offsets are whole minutes);</li>
 *   <li>day by day: {@code [a, b)} intersected with each local day's window
 *       {@code [date 08:00 atZone, date 22:00 atZone)}, holidays and dates that never occur (skipped
 *       by crossing the date line) left out (any instant, any year);</li>
 *   <li>due found by bisection on the day-by-day elapsed time (the smallest x with elapsed(a, x) >= s).</li>
 * </ul>
 * Calendars are expensive to build (a 300-year table), so they are cached per (zone, holiday set),
 * with a small fixed pool of holiday sets; one property draws truly random holiday sets and builds
 * a calendar per try.
 */
class SupportClockProperties {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    /** Skipped the whole of 2011-12-30 (moving to the other side of the date line); DST 2010-2021. */
    static final ZoneId APIA = ZoneId.of("Pacific/Apia");
    /** Skipped the whole of 1994-12-31; no change since. */
    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    static final List<ZoneId> ZONES = List.of(KOLKATA, NEW_YORK, LONDON, ZoneOffset.UTC, LORD_HOWE, APIA, KIRITIMATI);

    static final long MINUTE = 60;
    static final long HOUR = 3600;
    static final long DAY = 86_400;
    static final long YEAR = 365 * DAY;

    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(22, 0);

    // ---------------------------------------------------------------- holiday pool and calendars

    enum Holidays {
        NONE, SPARSE, DENSE, WEEKENDS, EDGES;

        Set<LocalDate> dates() {
            return HOLIDAY_SETS.computeIfAbsent(this, Holidays::build);
        }

        private static Set<LocalDate> build(Holidays h) {
            LocalDate first = LocalDate.of(1850, 1, 1);
            LocalDate end = LocalDate.of(2251, 1, 1);
            Set<LocalDate> out = new HashSet<>();
            switch (h) {
                case NONE -> { }
                case SPARSE, DENSE -> {
                    SplittableRandom random = new SplittableRandom(h == SPARSE ? 11 : 22);
                    double share = h == SPARSE ? 0.1 : 0.5;
                    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                        if (random.nextDouble() < share) {
                            out.add(d);
                        }
                    }
                }
                case WEEKENDS -> {
                    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                        if (d.getDayOfWeek().getValue() >= 6) {
                            out.add(d);
                        }
                    }
                }
                case EDGES -> {
                    // the days of clock changes (and the days around them) and the table's edges
                    for (ZoneId z : List.of(NEW_YORK, LONDON, LORD_HOWE, APIA, KIRITIMATI)) {
                        for (long t : transitions(z, 1990, 2110)) {
                            LocalDate d = LocalDate.ofInstant(Instant.ofEpochSecond(t), z);
                            out.add(d);
                            out.add(d.minusDays(1));
                            out.add(d.plusDays(2));
                        }
                    }
                    out.addAll(List.of(LocalDate.of(1899, 12, 31), LocalDate.of(1900, 1, 1),
                            LocalDate.of(1900, 1, 3), LocalDate.of(2199, 12, 30), LocalDate.of(2199, 12, 31),
                            LocalDate.of(2200, 1, 1), LocalDate.of(2200, 1, 2), LocalDate.of(1880, 6, 1),
                            LocalDate.of(2230, 6, 1)));
                }
                default -> throw new IllegalStateException();
            }
            return Set.copyOf(out);
        }
    }

    static final Map<Holidays, Set<LocalDate>> HOLIDAY_SETS = new ConcurrentHashMap<>();
    static final Map<String, OfficeHoursCalendar> CALENDARS = new ConcurrentHashMap<>();
    static final Map<ZoneId, Policy> POLICIES = new ConcurrentHashMap<>();

    static OfficeHoursCalendar calendar(ZoneId zone, Holidays holidays) {
        return CALENDARS.computeIfAbsent(zone + "/" + holidays,
                k -> OfficeHoursCalendar.fourteenBySeven(zone, holidays.dates()));
    }

    static List<Long> transitions(ZoneId zone, int fromYear, int toYear) {
        ZoneRules rules = zone.getRules();
        List<Long> out = new ArrayList<>();
        Instant t = LocalDate.of(fromYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = LocalDate.of(toYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (ZoneOffsetTransition tr = rules.nextTransition(t); tr != null && tr.getInstant().isBefore(end);
             tr = rules.nextTransition(tr.getInstant())) {
            out.add(tr.getInstant().getEpochSecond());
        }
        return out;
    }

    /** Clock changes from 1990 to 2100 (offsets are whole minutes in all these zones then). */
    static final Map<ZoneId, List<Long>> MODERN_TRANSITIONS = ZONES.stream()
            .collect(Collectors.toMap(z -> z, z -> transitions(z, 1990, 2100)));

    // ---------------------------------------------------------------- references

    /** Minute-by-minute: whether the minute starting at {@code t} is open. */
    static boolean openMinute(ZoneId zone, Set<LocalDate> holidays, long t) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(t));
        LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, offset);
        int hour = local.getHour();
        return hour >= 8 && hour < 22 && !holidays.contains(local.toLocalDate());
    }

    static long minuteElapsed(ZoneId zone, Set<LocalDate> holidays, long a, long b) {
        assertThat(a % MINUTE).isZero();
        assertThat(b % MINUTE).isZero();
        long total = 0;
        for (long m = a; m < b; m += MINUTE) {
            if (openMinute(zone, holidays, m)) {
                total += MINUTE;
            }
        }
        return total;
    }

    static long minuteDue(ZoneId zone, Set<LocalDate> holidays, long a, long seconds) {
        assertThat(seconds % MINUTE).isZero();
        if (seconds == 0) {
            return a;
        }
        long total = 0;
        for (long m = a; ; m += MINUTE) {
            if (openMinute(zone, holidays, m)) {
                total += MINUTE;
                if (total == seconds) {
                    return m + MINUTE;
                }
            }
        }
    }

    static long windowEdge(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toEpochSecond();
    }

    /** Whether local clocks ever read this date (not so for a date skipped by crossing the date line). */
    static boolean occurs(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toLocalDate().equals(date);
    }

    /** Day by day: [a, b) intersected with the window of each local day that occurs. */
    static long dayByDayElapsed(ZoneId zone, Set<LocalDate> holidays, long a, long b) {
        LocalDate first = LocalDate.ofInstant(Instant.ofEpochSecond(a), zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochSecond(b), zone).plusDays(1);
        long total = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (holidays.contains(d) || !occurs(d, zone)) {
                continue;
            }
            long start = windowEdge(d, OPENS, zone);
            long end = windowEdge(d, CLOSES, zone);
            total += Math.max(0, Math.min(end, b) - Math.max(start, a));
        }
        return total;
    }

    /** The smallest x >= a with dayByDayElapsed(a, x) >= seconds, by bisection. */
    static long bisectedDue(ZoneId zone, Set<LocalDate> holidays, long a, long seconds) {
        if (seconds == 0) {
            return a;
        }
        long lo = a; // elapsed(a, lo) < seconds
        long hi = a + seconds;
        while (dayByDayElapsed(zone, holidays, a, hi) < seconds) {
            lo = hi;
            hi = a + 2 * (hi - a) + DAY;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (dayByDayElapsed(zone, holidays, a, mid) >= seconds) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    // ---------------------------------------------------------------- generators

    record Span(ZoneId zone, Holidays holidays, long a, long b) {
        @Override
        public String toString() {
            return zone + " " + holidays + " [" + show(a, zone) + ", " + show(b, zone) + ")";
        }
    }

    record Target(ZoneId zone, Holidays holidays, long a, long seconds) {
        @Override
        public String toString() {
            return zone + " " + holidays + " from " + show(a, zone) + " for " + seconds + " s";
        }
    }

    static String show(long t, ZoneId zone) {
        Instant i = Instant.ofEpochSecond(t);
        return t + " (" + i + " = " + i.atZone(zone).toOffsetDateTime() + ")";
    }

    static long epoch(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    static final long TABLE_START_UTC = epoch(1900);
    static final long TABLE_END_UTC = epoch(2200);

    static Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    static Arbitrary<Holidays> holidaySets() {
        return Arbitraries.of(Holidays.values());
    }

    /** A whole minute from 2000 to 2100, often within days of a clock change (from 1990) or near 08:00 / 22:00. */
    static Arbitrary<Long> modernMinute(ZoneId zone) {
        Arbitrary<Long> uniform = Arbitraries.longs().between(epoch(2000), epoch(2100));
        List<Long> changes = MODERN_TRANSITIONS.get(zone);
        Arbitrary<Long> nearChange = changes.isEmpty() ? uniform
                : Arbitraries.of(changes).flatMap(t -> Arbitraries.longs().between(t - 3 * DAY, t + 3 * DAY));
        Arbitrary<Long> nearEdge = Combinators.combine(
                Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay()),
                Arbitraries.of(OPENS, CLOSES),
                Arbitraries.longs().between(-90, 90))
                .as((day, edge, minutes) -> windowEdge(LocalDate.ofEpochDay(day), edge, zone) + minutes * MINUTE);
        return Arbitraries.frequencyOf(Tuple.of(2, uniform), Tuple.of(3, nearChange), Tuple.of(2, nearEdge))
                .map(t -> Math.floorDiv(t, MINUTE) * MINUTE);
    }

    /** Any second from 1850 to 2250, weighted towards the table's edges and modern times. */
    static Arbitrary<Long> anySecond(ZoneId zone) {
        Arbitrary<Long> modern = Arbitraries.longs().between(epoch(2000), epoch(2100));
        Arbitrary<Long> early = Arbitraries.longs().between(epoch(1850), epoch(1905));
        Arbitrary<Long> late = Arbitraries.longs().between(epoch(2195), epoch(2250));
        Arbitrary<Long> nearTableStart = Arbitraries.longs().between(TABLE_START_UTC - 40 * DAY, TABLE_START_UTC + 40 * DAY);
        Arbitrary<Long> nearTableEnd = Arbitraries.longs().between(TABLE_END_UTC - 40 * DAY, TABLE_END_UTC + 40 * DAY);
        List<Long> changes = MODERN_TRANSITIONS.get(zone);
        Arbitrary<Long> nearChange = changes.isEmpty() ? modern
                : Arbitraries.of(changes).flatMap(t -> Arbitraries.longs().between(t - 2 * DAY, t + 2 * DAY));
        Arbitrary<Long> nearEdge = Combinators.combine(
                Arbitraries.longs().between(LocalDate.of(1850, 1, 1).toEpochDay(), LocalDate.of(2249, 12, 31).toEpochDay()),
                Arbitraries.of(OPENS, CLOSES),
                Arbitraries.longs().between(-3, 3))
                .as((day, edge, seconds) -> windowEdge(LocalDate.ofEpochDay(day), edge, zone) + seconds);
        return Arbitraries.frequencyOf(Tuple.of(3, modern), Tuple.of(1, early), Tuple.of(1, late),
                Tuple.of(2, nearTableStart), Tuple.of(2, nearTableEnd), Tuple.of(2, nearChange), Tuple.of(2, nearEdge));
    }

    /** Span lengths in seconds: mostly up to a few days, sometimes up to five years. */
    static Arbitrary<Long> spanSeconds() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(0, 10)),
                Tuple.of(5, Arbitraries.longs().between(0, 4 * DAY)),
                Tuple.of(2, Arbitraries.longs().between(0, 5 * YEAR)));
    }

    /** Targets in seconds of support time: the policy's, or anything up to a few days. */
    static Arbitrary<Long> targetSeconds() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0L, 1L, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 24 * HOUR, 14 * HOUR, 28 * HOUR)),
                Tuple.of(4, Arbitraries.longs().between(0, 4 * DAY)));
    }

    @Provide
    Arbitrary<Span> minuteSpans() {
        return Combinators.combine(zones(), holidaySets()).flatAs((zone, holidays) ->
                Combinators.combine(modernMinute(zone), Arbitraries.longs().between(0, 7 * 1440))
                        .as((a, minutes) -> new Span(zone, holidays, a, a + minutes * MINUTE)));
    }

    @Provide
    Arbitrary<Target> minuteTargets() {
        return Combinators.combine(zones(), holidaySets()).flatAs((zone, holidays) ->
                Combinators.combine(modernMinute(zone), targetSeconds())
                        .as((a, s) -> new Target(zone, holidays, a, Math.floorDiv(s, MINUTE) * MINUTE)));
    }

    @Provide
    Arbitrary<Span> spans() {
        return Combinators.combine(zones(), holidaySets()).flatAs((zone, holidays) ->
                Combinators.combine(anySecond(zone), spanSeconds()).as((a, len) -> new Span(zone, holidays, a, a + len)));
    }

    @Provide
    Arbitrary<Target> targets() {
        return Combinators.combine(zones(), holidaySets()).flatAs((zone, holidays) ->
                Combinators.combine(anySecond(zone), targetSeconds()).as((a, s) -> new Target(zone, holidays, a, s)));
    }

    /** Targets up to three years of support time, from anywhere, including across the table's edges. */
    @Provide
    Arbitrary<Target> longTargets() {
        return Combinators.combine(zones(), holidaySets()).flatAs((zone, holidays) ->
                Combinators.combine(anySecond(zone), Arbitraries.frequencyOf(
                                Tuple.of(3, targetSeconds()),
                                Tuple.of(1, Arbitraries.longs().between(0, 3 * 365 * 14 * HOUR))))
                        .as((a, s) -> new Target(zone, holidays, a, s)));
    }

    // ---------------------------------------------------------------- properties against the references

    @Property(tries = 400)
    void elapsedMatchesMinuteByMinute(@ForAll("minuteSpans") Span c) {
        OfficeHoursCalendar cal = calendar(c.zone(), c.holidays());
        assertThat(cal.elapsed(c.a(), c.b()))
                .isEqualTo(minuteElapsed(c.zone(), c.holidays().dates(), c.a(), c.b()));
    }

    @Property(tries = 300)
    void dueMatchesMinuteByMinute(@ForAll("minuteTargets") Target c) {
        OfficeHoursCalendar cal = calendar(c.zone(), c.holidays());
        assertThat(cal.due(c.a(), c.seconds()))
                .isEqualTo(minuteDue(c.zone(), c.holidays().dates(), c.a(), c.seconds()));
    }

    @Property(tries = 600)
    void elapsedMatchesDayByDay(@ForAll("spans") Span c) {
        OfficeHoursCalendar cal = calendar(c.zone(), c.holidays());
        assertThat(cal.elapsed(c.a(), c.b()))
                .isEqualTo(dayByDayElapsed(c.zone(), c.holidays().dates(), c.a(), c.b()));
    }

    @Property(tries = 300)
    void dueMatchesBisectionOnDayByDay(@ForAll("targets") Target c) {
        OfficeHoursCalendar cal = calendar(c.zone(), c.holidays());
        assertThat(cal.due(c.a(), c.seconds()))
                .isEqualTo(bisectedDue(c.zone(), c.holidays().dates(), c.a(), c.seconds()));
    }

    /** Random holiday sets near the instants (a calendar is built per try, so few tries). */
    @Property(tries = 25)
    void randomHolidaySetsMatchDayByDay(@ForAll("zonesForRandomHolidays") ZoneId zone,
                                        @ForAll @LongRange(min = -5000, max = 5000) long dayOffset,
                                        @ForAll @LongRange(min = 0, max = 20 * DAY) long length,
                                        @ForAll @LongRange(min = 0, max = 5 * DAY) long target,
                                        @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay,
                                        @ForAll("holidayOffsets") Set<Integer> holidayOffsets) {
        // around 2026, and once in a while across 1900 or 2200
        LocalDate base = LocalDate.of(2026, 3, 1).plusDays(dayOffset);
        if (Math.floorMod(dayOffset, 7) == 0) {
            base = LocalDate.of(dayOffset > 0 ? 2199 : 1899, 12, 20).plusDays(Math.floorMod(dayOffset, 21));
        }
        LocalDate first = base;
        Set<LocalDate> holidays = holidayOffsets.stream().map(first::plusDays).collect(Collectors.toSet());
        OfficeHoursCalendar cal = OfficeHoursCalendar.fourteenBySeven(zone, holidays);
        long a = base.atStartOfDay(zone).toEpochSecond() + secondOfDay;
        assertThat(cal.elapsed(a, a + length)).isEqualTo(dayByDayElapsed(zone, holidays, a, a + length));
        assertThat(cal.due(a, target)).isEqualTo(bisectedDue(zone, holidays, a, target));
    }

    @Provide
    Arbitrary<ZoneId> zonesForRandomHolidays() {
        return zones();
    }

    @Provide
    Arbitrary<Set<Integer>> holidayOffsets() {
        return Arbitraries.integers().between(-2, 25).set().ofMaxSize(20);
    }

    // ---------------------------------------------------------------- algebraic properties

    @Property(tries = 1000)
    void dueIsTheEarliestInstantReachingTheTarget(@ForAll("longTargets") Target c) {
        OfficeHoursCalendar cal = calendar(c.zone(), c.holidays());
        long due = cal.due(c.a(), c.seconds());
        assertThat(due).isGreaterThanOrEqualTo(c.a());
        assertThat(cal.elapsed(c.a(), due)).isEqualTo(c.seconds());
        if (c.seconds() > 0) {
            assertThat(cal.elapsed(c.a(), due - 1)).isEqualTo(c.seconds() - 1);
        }
    }

    @Property(tries = 1000)
    void elapsedIsAdditiveAndBounded(@ForAll("spans") Span first, @ForAll("spanSecondsArb") long more) {
        OfficeHoursCalendar cal = calendar(first.zone(), first.holidays());
        long a = first.a();
        long b = first.b();
        long c = b + more;
        long ab = cal.elapsed(a, b);
        long bc = cal.elapsed(b, c);
        assertThat(ab + bc).isEqualTo(cal.elapsed(a, c));
        assertThat(ab).isBetween(0L, b - a);
        assertThat(bc).isBetween(0L, c - b);
    }

    @Property(tries = 500)
    void enterpriseCountsEverySecond(@ForAll("anyZone") ZoneId zone,
                                     @ForAll @LongRange(min = -3_000_000_000L, max = 8_000_000_000L) long a,
                                     @ForAll("spanSecondsArb") long length) {
        SupportCalendar enterprise = POLICIES.computeIfAbsent(zone, Policy::defaultPolicy)
                .calendar(Tier.ENTERPRISE, PolicyVersion.defaultVersion());
        assertThat(enterprise).isSameAs(SupportCalendar.ALWAYS_OPEN);
        assertThat(enterprise.elapsed(a, a + length)).isEqualTo(length);
        assertThat(enterprise.due(a, length)).isEqualTo(a + length);
    }

    @Provide
    Arbitrary<ZoneId> anyZone() {
        return zones();
    }

    @Provide
    Arbitrary<Long> spanSecondsArb() {
        return spanSeconds();
    }

    /** The judge measures with the tier's calendar: real seconds for Enterprise, the 14x7 desk otherwise. */
    @Property(tries = 300)
    void judgeMeasuresOnTheTierCalendar(@ForAll("spans") Span c, @ForAll("tierNames") String tier,
                                        @ForAll @IntRange(min = 1, max = 4) int severity) {
        Policy policy = POLICIES.computeIfAbsent(c.zone(), Policy::defaultPolicy);
        Instant created = Instant.ofEpochSecond(c.a());
        Instant closed = Instant.ofEpochSecond(c.b());
        Ticket t = new Ticket("P", "A", "Acme", tier, severity, "cat", "EMAIL", null, "s", created, null, null, closed);
        Verdict v = (Verdict) new Judge(policy).judge(t);
        long expected = tier.equals("ENTERPRISE") ? c.b() - c.a() : dayByDayElapsed(c.zone(), Set.of(), c.a(), c.b());
        assertThat(v.ackSeconds()).isEqualTo(expected);
        assertThat(v.responseSeconds()).isEqualTo(expected);
        assertThat(v.ackSource()).isEqualTo(EventSource.CLOSED);
    }

    @Provide
    Arbitrary<String> tierNames() {
        return Arbitraries.of("ENTERPRISE", "SME", "SMB");
    }
}
