package com.example.slacompliance.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Regression examples for dates a zone skips entirely. Pacific/Apia moved across the date line at the
 * end of Thursday 2011-12-29 (UTC-10, daylight time): the next local instant was Saturday 2011-12-31
 * 00:00 (UTC+14), so local clocks never read 2011-12-30. Its 08:00 resolved (java.time moves a time in
 * a gap later by the gap's length, here 24 h) to 2011-12-31 08:00, so the calendar gave the skipped
 * date the very window of the next day, and counted 2011-12-31 08:00-22:00 twice: elapsed time could
 * exceed the wall-clock time between the two instants.
 */
class OfficeHoursCalendarTest {

    static final ZoneId APIA = ZoneId.of("Pacific/Apia");
    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

    static long at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toEpochSecond();
    }

    @Test
    void apiaSkippedDayHasNoWindowOfItsOwn() {
        OfficeHoursCalendar cal = OfficeHoursCalendar.fourteenBySeven(APIA, Set.of());
        long created = at("2011-12-29T21:00", APIA);
        long ack = at("2011-12-31T09:00", APIA);
        // preconditions: -10:00 before the jump, +14:00 after, 12 h of real time in between
        assertThat(Instant.ofEpochSecond(created)).isEqualTo(Instant.parse("2011-12-30T07:00:00Z"));
        assertThat(Instant.ofEpochSecond(ack)).isEqualTo(Instant.parse("2011-12-30T19:00:00Z"));
        // 21:00-22:00 on the 29th, nothing on the (skipped) 30th, 08:00-09:00 on the 31st: 2 h
        // (the engine used to say 16 h, more than the 12 h that passed)
        assertThat(cal.elapsed(created, ack)).isEqualTo(2 * 3600);
        // half an hour: 21:30 the same evening
        assertThat(cal.due(created, 1800)).isEqualTo(at("2011-12-29T21:30", APIA));
        // 2 h: 1 h on the 29th, 1 h from 08:00 on the 31st
        assertThat(cal.due(created, 2 * 3600)).isEqualTo(ack);
        // 16 h: 1 h on the 29th, 14 h on the 31st, 1 h from 08:00 on 2012-01-01
        assertThat(cal.due(created, 16 * 3600)).isEqualTo(at("2012-01-01T09:00", APIA));
        // whole days: the 29th, the 31st and 2012-01-01 are open, 14 h each
        assertThat(cal.elapsed(at("2011-12-29T00:00", APIA), at("2012-01-02T00:00", APIA))).isEqualTo(3 * 14 * 3600);
    }

    @Test
    void apiaHolidayOnTheDayAfterTheSkippedOneClosesIt() {
        // 2011-12-31 a holiday: only 21:00-22:00 on the 29th and 08:00-09:00 on 2012-01-01 count
        OfficeHoursCalendar cal = OfficeHoursCalendar.fourteenBySeven(APIA, Set.of(LocalDate.of(2011, 12, 31)));
        assertThat(cal.elapsed(at("2011-12-29T21:00", APIA), at("2012-01-01T09:00", APIA))).isEqualTo(2 * 3600);
        assertThat(cal.due(at("2011-12-29T21:00", APIA), 2 * 3600)).isEqualTo(at("2012-01-01T09:00", APIA));
    }

    @Test
    void kiritimatiSkippedTheLastDayOf1994() {
        // -10:00 until the end of 1994-12-30, then 1995-01-01 00:00 at +14:00: 1994-12-31 never happened
        OfficeHoursCalendar cal = OfficeHoursCalendar.fourteenBySeven(KIRITIMATI, Set.of());
        long from = at("1994-12-30T00:00", KIRITIMATI);
        long to = at("1995-01-02T00:00", KIRITIMATI);
        // 24 h of 12-30 and 24 h of 01-01 passed: two windows of 14 h
        assertThat(to - from).isEqualTo(48 * 3600);
        assertThat(cal.elapsed(from, to)).isEqualTo(28 * 3600);
        // 15 h from 21:00 on 12-30: 1 h that evening, 14 h on 1995-01-01, ending at its 22:00
        assertThat(cal.due(at("1994-12-30T21:00", KIRITIMATI), 15 * 3600)).isEqualTo(at("1995-01-01T22:00", KIRITIMATI));
    }

    @Test
    void ordinaryZonesKeepFourteenHoursEveryDay() {
        OfficeHoursCalendar cal = OfficeHoursCalendar.fourteenBySeven(ZoneId.of("America/New_York"), Set.of());
        // the spring-forward day (2026-03-08) and the fall-back day (2026-11-01) still open 08:00-22:00
        ZoneId ny = ZoneId.of("America/New_York");
        assertThat(cal.elapsed(at("2026-03-08T00:00", ny), at("2026-03-09T00:00", ny))).isEqualTo(14 * 3600);
        assertThat(cal.elapsed(at("2026-11-01T00:00", ny), at("2026-11-02T00:00", ny))).isEqualTo(14 * 3600);
    }
}
