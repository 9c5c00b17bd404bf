package com.example.slacompliance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The judge, rule by rule (SLA-RULES.md). Instants are written as local times in Asia/Kolkata
 * (UTC+05:30, no daylight saving) unless said otherwise; 2026-11-02 is a Monday. Every expected
 * value is worked out by hand in the comment beside it.
 */
class JudgeTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final long MIN = 60;
    static final long HOUR = 3600;
    static final long DAY = 86_400;

    static Instant at(String local) {
        return at(local, KOLKATA);
    }

    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    /** A ticket template: SME, severity 1, core product, created Mon 10:00, closed Mon 18:00, no ack or response. */
    record T(String tier, Integer severity, String integration, Instant created, Instant ack, Instant response,
             Instant closed) {
        static T sme() {
            return new T("SME", 1, null, at("2026-11-02T10:00"), null, null, at("2026-11-02T18:00"));
        }

        T tier(String v) { return new T(v, severity, integration, created, ack, response, closed); }
        T severity(Integer v) { return new T(tier, v, integration, created, ack, response, closed); }
        T integration(String v) { return new T(tier, severity, v, created, ack, response, closed); }
        T created(Instant v) { return new T(tier, severity, integration, v, ack, response, closed); }
        T ack(Instant v) { return new T(tier, severity, integration, created, v, response, closed); }
        T response(Instant v) { return new T(tier, severity, integration, created, ack, v, closed); }
        T closed(Instant v) { return new T(tier, severity, integration, created, ack, response, v); }

        Ticket ticket() {
            return new Ticket("T-1", "A-1", "Acme", tier, severity, "cat", "EMAIL", integration, "subject",
                    created, ack, response, closed);
        }
    }

    final Judge judge = new Judge(Policy.defaultPolicy(KOLKATA));

    static Verdict verdict(Judge judge, T t) {
        Judgement j = judge.judge(t.ticket());
        assertThat(j).isInstanceOf(Verdict.class);
        return (Verdict) j;
    }

    Verdict verdict(T t) {
        return verdict(judge, t);
    }

    Rejection rejection(T t) {
        Judgement[] out = new Judgement[1];
        assertThatCode(() -> out[0] = judge.judge(t.ticket())).doesNotThrowAnyException();
        assertThat(out[0]).isInstanceOf(Rejection.class);
        return (Rejection) out[0];
    }

    // ------------------------------------------------------------------------------------------ bad rows

    @Nested
    class Rejections {

        @Test
        void missingCreatedAtBeatsEveryOtherReason() {
            Rejection r = rejection(T.sme().created(null).severity(7).tier("gold").ack(at("2020-01-01T00:00")));
            assertThat(r.reason()).isEqualTo(RejectReason.MISSING_CREATED_AT);
        }

        @Test
        void missingCreatedAtEvenWhenNotClosed() {
            Rejection r = rejection(T.sme().created(null).closed(null));
            assertThat(r.reason()).isEqualTo(RejectReason.MISSING_CREATED_AT);
        }

        @Test
        void badSeverityBeatsBadTierAndEarlyTimestamps() {
            Rejection r = rejection(T.sme().severity(0).tier("gold").ack(at("2026-11-01T10:00")));
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_SEVERITY);
        }

        @Test
        void badTierBeatsEarlyTimestamps() {
            Rejection r = rejection(T.sme().tier("gold").closed(at("2026-11-01T10:00")));
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_TIER);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 5, 7, -1})
        void severityOutsideOneToFourIsUnknown(int severity) {
            Rejection r = rejection(T.sme().severity(severity));
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_SEVERITY);
            assertThat(r.detail()).contains(Integer.toString(severity));
        }

        @Test
        void nullSeverityIsUnknown() {
            Rejection r = rejection(T.sme().severity(null));
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_SEVERITY);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "gold", "SME2", "S M E", "enterprise-plus"})
        void tierNotOneOfTheThreeIsUnknown(String tier) {
            Rejection r = rejection(T.sme().tier(tier));
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_TIER);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "' sme '|SME", "Sme|SME", "sMb|SMB", "'  SMB'|SMB", "enterprise|ENTERPRISE", "' Enterprise  '|ENTERPRISE",
                "'\tsme\t'|SME"})
        void tierIsTrimmedAndCaseInsensitive(String text, Tier expected) {
            assertThat(verdict(T.sme().tier(text)).tier()).isEqualTo(expected);
        }

        @Test
        void acknowledgmentBeforeCreationIsRejectedNamingTheField() {
            Rejection r = rejection(T.sme().ack(at("2026-11-02T09:59:59")));
            assertThat(r.reason()).isEqualTo(RejectReason.TIMESTAMP_BEFORE_CREATED);
            assertThat(r.detail()).contains("acknowledged_at");
        }

        @Test
        void responseBeforeCreationIsRejectedNamingTheField() {
            Rejection r = rejection(T.sme().response(at("2026-11-02T09:00")));
            assertThat(r.reason()).isEqualTo(RejectReason.TIMESTAMP_BEFORE_CREATED);
            assertThat(r.detail()).contains("first_response_at");
        }

        @Test
        void closingBeforeCreationIsRejectedNamingTheField() {
            Rejection r = rejection(T.sme().closed(at("2026-11-01T23:00")));
            assertThat(r.reason()).isEqualTo(RejectReason.TIMESTAMP_BEFORE_CREATED);
            assertThat(r.detail()).contains("closed_at");
        }

        @Test
        void earlyTimestampIsRejectedEvenWhenTheTicketHasNoClosingTime() {
            Rejection r = rejection(T.sme().closed(null).response(at("2026-11-02T09:00")));
            assertThat(r.reason()).isEqualTo(RejectReason.TIMESTAMP_BEFORE_CREATED);
        }

        @Test
        void timestampsEqualToCreationAreFine() {
            Instant created = at("2026-11-02T10:00");
            Verdict v = verdict(T.sme().ack(created).response(created).closed(created));
            // nothing elapsed at all
            assertThat(v.ackSeconds()).isZero();
            assertThat(v.responseSeconds()).isZero();
            assertThat(v.ackStatus()).isEqualTo(Status.MET);
        }

        @Test
        void subSecondDifferenceWithinTheSameSecondIsNotBeforeCreated() {
            // created 10:00:00.700, acknowledged 10:00:00.200: both read as 10:00:00, so not before
            Verdict v = verdict(T.sme().created(at("2026-11-02T10:00:00.700")).ack(at("2026-11-02T10:00:00.200")));
            assertThat(v.ackSeconds()).isZero();
            assertThat(v.ackSource()).isEqualTo(EventSource.ACKNOWLEDGED);
        }
    }

    // ------------------------------------------------------------------------------------------ sources

    @Nested
    class EffectiveEvents {

        @Test
        void ackEqualToResponseIsTheAcknowledgment() {
            Instant both = at("2026-11-02T10:20");
            Verdict v = verdict(T.sme().ack(both).response(both));
            assertThat(v.ackSource()).isEqualTo(EventSource.ACKNOWLEDGED);
            assertThat(v.ackAt()).isEqualTo(both);
            assertThat(v.responseSource()).isEqualTo(EventSource.RESPONDED);
            assertThat(v.responseAt()).isEqualTo(both);
            // 10:00 -> 10:20 inside the window
            assertThat(v.ackSeconds()).isEqualTo(20 * MIN);
        }

        @Test
        void responseEqualToClosingIsTheResponseAndTheAcknowledgment() {
            Instant both = at("2026-11-02T11:00");
            Verdict v = verdict(T.sme().response(both).closed(both));
            assertThat(v.responseSource()).isEqualTo(EventSource.RESPONDED);
            assertThat(v.ackSource()).isEqualTo(EventSource.RESPONDED);
            assertThat(v.ackAt()).isEqualTo(both);
            // 10:00 -> 11:00: one hour; ack breached (> 30 min), response met (<= 2 h)
            assertThat(v.ackSeconds()).isEqualTo(HOUR);
            assertThat(v.ackStatus()).isEqualTo(Status.BREACHED);
            assertThat(v.responseStatus()).isEqualTo(Status.MET);
        }

        @Test
        void allThreeEqualGoesToAcknowledgedAndResponded() {
            Instant all = at("2026-11-02T10:05");
            Verdict v = verdict(T.sme().ack(all).response(all).closed(all));
            assertThat(v.ackSource()).isEqualTo(EventSource.ACKNOWLEDGED);
            assertThat(v.responseSource()).isEqualTo(EventSource.RESPONDED);
        }

        @Test
        void responseBeforeAcknowledgmentAcknowledges() {
            Verdict v = verdict(T.sme().response(at("2026-11-02T10:10")).ack(at("2026-11-02T10:20")));
            assertThat(v.ackSource()).isEqualTo(EventSource.RESPONDED);
            assertThat(v.ackAt()).isEqualTo(at("2026-11-02T10:10"));
            assertThat(v.ackSeconds()).isEqualTo(10 * MIN);
            assertThat(v.responseSeconds()).isEqualTo(10 * MIN);
        }

        @Test
        void closingAnswersWhenNothingElseCame() {
            Verdict v = verdict(T.sme());
            // closed 18:00 after created 10:00: 8 h, both via CLOSED, both breached for severity 1
            assertThat(v.ackSource()).isEqualTo(EventSource.CLOSED);
            assertThat(v.responseSource()).isEqualTo(EventSource.CLOSED);
            assertThat(v.ackSeconds()).isEqualTo(8 * HOUR);
            assertThat(v.responseSeconds()).isEqualTo(8 * HOUR);
            assertThat(v.ackStatus()).isEqualTo(Status.BREACHED);
            assertThat(v.responseStatus()).isEqualTo(Status.BREACHED);
        }

        @Test
        void closingBeforeALateAcknowledgmentAndResponseCountsAsBoth() {
            Verdict v = verdict(T.sme().closed(at("2026-11-02T10:25")).ack(at("2026-11-02T11:00"))
                    .response(at("2026-11-02T12:00")));
            assertThat(v.ackSource()).isEqualTo(EventSource.CLOSED);
            assertThat(v.responseSource()).isEqualTo(EventSource.CLOSED);
            assertThat(v.ackSeconds()).isEqualTo(25 * MIN);
        }

        @Test
        void acknowledgmentEqualToClosingIsTheAcknowledgment() {
            Instant both = at("2026-11-02T10:25");
            Verdict v = verdict(T.sme().ack(both).closed(both));
            assertThat(v.ackSource()).isEqualTo(EventSource.ACKNOWLEDGED);
            assertThat(v.responseSource()).isEqualTo(EventSource.CLOSED);
        }
    }

    // ------------------------------------------------------------------------------------------ targets

    @Nested
    class Boundaries {

        @Test
        void exactlyThirtyMinutesIsMetOneSecondMoreIsBreached() {
            T base = T.sme().tier("ENTERPRISE");
            assertThat(verdict(base.ack(at("2026-11-02T10:30:00"))).ackStatus()).isEqualTo(Status.MET);
            Verdict late = verdict(base.ack(at("2026-11-02T10:30:01")));
            assertThat(late.ackSeconds()).isEqualTo(30 * MIN + 1);
            assertThat(late.ackStatus()).isEqualTo(Status.BREACHED);
        }

        @Test
        void exactlyTwoHoursResponseIsMetForSeverityOneOneSecondMoreIsBreached() {
            T base = T.sme();
            Verdict onTime = verdict(base.response(at("2026-11-02T12:00:00")));
            assertThat(onTime.responseSeconds()).isEqualTo(2 * HOUR);
            assertThat(onTime.responseStatus()).isEqualTo(Status.MET);
            assertThat(onTime.responseDueAt()).isEqualTo(at("2026-11-02T12:00"));
            assertThat(verdict(base.response(at("2026-11-02T12:00:01"))).responseStatus()).isEqualTo(Status.BREACHED);
        }

        @Test
        void thirtyMinutesAcrossTheNightIsMetOneSecondMoreIsBreached() {
            // 21:45 -> 22:00 is 15 min, 08:00 -> 08:15 another 15: 30 min exactly; due 08:15 next morning
            T base = T.sme().created(at("2026-11-02T21:45")).closed(at("2026-11-03T12:00"));
            Verdict onTime = verdict(base.ack(at("2026-11-03T08:15")));
            assertThat(onTime.ackSeconds()).isEqualTo(30 * MIN);
            assertThat(onTime.ackStatus()).isEqualTo(Status.MET);
            assertThat(onTime.ackDueAt()).isEqualTo(at("2026-11-03T08:15"));
            assertThat(verdict(base.ack(at("2026-11-03T08:15:01"))).ackStatus()).isEqualTo(Status.BREACHED);
        }

        @Test
        void severityPicksTheResponseTarget() {
            // response targets 2 h, 5 h, 24 h, 24 h of support time; ack 30 min for all
            for (int s = 1; s <= 4; s++) {
                Verdict v = verdict(T.sme().severity(s));
                assertThat(v.ackTargetSeconds()).isEqualTo(30 * MIN);
                assertThat(v.responseTargetSeconds()).isEqualTo(new long[] {2 * HOUR, 5 * HOUR, 24 * HOUR, 24 * HOUR}[s - 1]);
            }
        }

        @Test
        void subSecondInstantsAreTruncatedBeforeSubtracting() {
            // 10:00:00.000 -> 10:30:00.999 reads 10:00:00 -> 10:30:00: 1800 s, met
            // (1800.999 s of real time would be breached)
            Verdict met = verdict(T.sme().tier("ENTERPRISE").created(at("2026-11-02T10:00:00.000"))
                    .ack(at("2026-11-02T10:30:00.999")));
            assertThat(met.ackSeconds()).isEqualTo(1800);
            assertThat(met.ackStatus()).isEqualTo(Status.MET);
            assertThat(met.ackAt()).isEqualTo(at("2026-11-02T10:30:00"));
            // 10:00:00.999 -> 10:30:01.000 reads 10:00:00 -> 10:30:01: 1801 s, breached
            // (1800.001 s of real time, which rounding would call 1800 and met)
            Verdict breached = verdict(T.sme().tier("ENTERPRISE").created(at("2026-11-02T10:00:00.999"))
                    .ack(at("2026-11-02T10:30:01.000")));
            assertThat(breached.ackSeconds()).isEqualTo(1801);
            assertThat(breached.ackStatus()).isEqualTo(Status.BREACHED);
            assertThat(breached.ticket().createdAt()).isEqualTo(at("2026-11-02T10:00:00"));
        }
    }

    // ------------------------------------------------------------------------------------------ periods

    @Nested
    class Periods {

        @Test
        void closedJustAfterLocalMidnightBelongsToTheNewMonth() {
            Instant closed = at("2026-11-01T00:01");
            // 00:01 at +05:30 is 18:31 UTC the day before
            assertThat(closed).isEqualTo(Instant.parse("2026-10-31T18:31:00Z"));
            Verdict v = verdict(T.sme().created(at("2026-10-31T20:00")).closed(closed));
            assertThat(v.period()).isEqualTo(YearMonth.of(2026, 11));
        }

        @Test
        void closedJustBeforeLocalMidnightBelongsToTheOldMonth() {
            Instant closed = at("2026-10-31T23:59:59");
            assertThat(closed).isEqualTo(Instant.parse("2026-10-31T18:29:59Z"));
            Verdict v = verdict(T.sme().created(at("2026-10-31T20:00")).closed(closed));
            assertThat(v.period()).isEqualTo(YearMonth.of(2026, 10));
        }

        @Test
        void periodFollowsThePolicyZone() {
            Judge ny = new Judge(Policy.defaultPolicy(NEW_YORK));
            // 03:30 UTC on 1 November is 23:30 EDT (UTC-4) on 31 October in New York: October there
            Instant closed = Instant.parse("2026-11-01T03:30:00Z");
            Verdict v = verdict(ny, T.sme().created(Instant.parse("2026-10-31T20:00:00Z")).closed(closed));
            assertThat(v.period()).isEqualTo(YearMonth.of(2026, 10));
            assertThat(judge.period(closed)).isEqualTo(YearMonth.of(2026, 11)); // 09:00 on 1 Nov in Kolkata
        }
    }

    // ------------------------------------------------------------------------------------------ policy versions

    /** From Tue 2026-11-03 (local): ack 15 min, response 1 h / 4 h / 8 h / 8 h; Wed 2026-11-04 a holiday. */
    static final PolicyVersion NOVEMBER = new PolicyVersion("2026-11", LocalDate.of(2026, 11, 3),
            Targets.of(List.of(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15)),
                    List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8))),
            Set.of(LocalDate.of(2026, 11, 4)));

    static final Policy VERSIONED = new Policy(KOLKATA, List.of(PolicyVersion.defaultVersion(), NOVEMBER), List.of());

    @Nested
    class Versions {

        final Judge versioned = new Judge(VERSIONED);

        @Test
        void versionIsChosenByTheLocalDateOfCreation() {
            // the last second of Monday 2 November (local) is still under the default version
            Verdict before = verdict(versioned, T.sme().created(at("2026-11-02T23:59:59")).closed(at("2026-11-03T12:00")));
            assertThat(before.policyVersion()).isEqualTo("default");
            assertThat(before.ackTargetSeconds()).isEqualTo(30 * MIN);
            // 00:00 on Tuesday local is 18:30 UTC on Monday: by the local date the new version applies
            Instant midnight = at("2026-11-03T00:00");
            assertThat(midnight).isEqualTo(Instant.parse("2026-11-02T18:30:00Z"));
            Verdict after = verdict(versioned, T.sme().created(midnight).closed(at("2026-11-03T12:00")));
            assertThat(after.policyVersion()).isEqualTo("2026-11");
            assertThat(after.ackTargetSeconds()).isEqualTo(15 * MIN);
            assertThat(after.responseTargetSeconds()).isEqualTo(HOUR);
            // created before opening: the clock starts at 08:00, so ack is due 08:15
            assertThat(after.ackDueAt()).isEqualTo(at("2026-11-03T08:15"));
        }

        @Test
        void addingALaterVersionDoesNotChangeAnEarlierTicket() {
            // SME severity 3, created Mon 21:00, responded Thu 09:00, under the default version (no holidays):
            // Mon 21-22 (1 h) + Tue 14 h + Wed 14 h (a holiday only from the November version) + Thu 08-09 (1 h) = 30 h
            T t = T.sme().severity(3).created(at("2026-11-02T21:00")).response(at("2026-11-05T09:00"))
                    .closed(at("2026-11-05T10:00"));
            Verdict alone = verdict(judge, t);
            Verdict withLater = verdict(versioned, t);
            assertThat(withLater).isEqualTo(alone);
            assertThat(withLater.policyVersion()).isEqualTo("default");
            assertThat(withLater.responseSeconds()).isEqualTo(30 * HOUR);
            assertThat(withLater.responseStatus()).isEqualTo(Status.BREACHED);
            // 24 h due: Mon 1 h + Tue 14 h = 15 h, 9 h more from Wed 08:00 -> Wed 17:00
            assertThat(withLater.responseDueAt()).isEqualTo(at("2026-11-04T17:00"));
            // ack due 30 min after Mon 21:00
            assertThat(withLater.ackDueAt()).isEqualTo(at("2026-11-02T21:30"));
        }

        @Test
        void holidayOfTheVersionStopsTheSmeClockForTheWholeDay() {
            // SME severity 3 under the November version, created Tue 21:00, responded Thu 09:00:
            // Tue 21-22 (1 h) + Wed holiday (0) + Thu 08-09 (1 h) = 2 h, within the 8 h target
            T t = T.sme().severity(3).created(at("2026-11-03T21:00")).response(at("2026-11-05T09:00"))
                    .closed(at("2026-11-05T10:00"));
            Verdict sme = verdict(versioned, t);
            assertThat(sme.responseSeconds()).isEqualTo(2 * HOUR);
            assertThat(sme.responseStatus()).isEqualTo(Status.MET);
            // 8 h due: 1 h on Tue, Wed closed, 7 h from Thu 08:00 -> Thu 15:00
            assertThat(sme.responseDueAt()).isEqualTo(at("2026-11-05T15:00"));
            // the response also acknowledged it: 2 h > 15 min
            assertThat(sme.ackSource()).isEqualTo(EventSource.RESPONDED);
            assertThat(sme.ackStatus()).isEqualTo(Status.BREACHED);
            assertThat(sme.ackDueAt()).isEqualTo(at("2026-11-03T21:15"));

            // Enterprise ignores holidays: Tue 21:00 -> Thu 09:00 is 36 h; due 8 h later, Wed 05:00
            Verdict ent = verdict(versioned, t.tier("ENTERPRISE"));
            assertThat(ent.responseSeconds()).isEqualTo(36 * HOUR);
            assertThat(ent.responseStatus()).isEqualTo(Status.BREACHED);
            assertThat(ent.responseDueAt()).isEqualTo(at("2026-11-04T05:00"));
        }

        @Test
        void aTicketRaisedOnTheHolidayWaitsForTheNextDay() {
            // created Wed 10:00 (holiday), responded Wed 21:00: no support time at all
            T t = T.sme().tier("SMB").severity(3).created(at("2026-11-04T10:00")).response(at("2026-11-04T21:00"))
                    .closed(at("2026-11-04T21:30"));
            Verdict v = verdict(versioned, t);
            assertThat(v.responseSeconds()).isZero();
            // 8 h from Thu 08:00 -> Thu 16:00; 15 min ack -> Thu 08:15
            assertThat(v.responseDueAt()).isEqualTo(at("2026-11-05T16:00"));
            assertThat(v.ackDueAt()).isEqualTo(at("2026-11-05T08:15"));
        }

        @Test
        void holidayIsALocalDayNotAUtcDay() {
            // New York (EST, UTC-5 in November), holiday Wed 2026-11-04: the UTC day 2026-11-04 would end
            // at 19:00 local, but the desk stays shut until 22:00 local
            PolicyVersion v = new PolicyVersion("ny", LocalDate.of(2026, 1, 1), Targets.policyTable(),
                    Set.of(LocalDate.of(2026, 11, 4)));
            Judge ny = new Judge(new Policy(NEW_YORK, List.of(v), List.of()));
            T t = T.sme().created(at("2026-11-04T20:00", NEW_YORK)).ack(at("2026-11-04T21:30", NEW_YORK))
                    .closed(at("2026-11-05T09:00", NEW_YORK));
            Verdict verdict = verdict(ny, t);
            assertThat(verdict.ackSeconds()).isZero();
            // closed Thu 09:00: 08:00-09:00 is the first support hour
            assertThat(verdict.responseSeconds()).isEqualTo(HOUR);
            assertThat(verdict.ackDueAt()).isEqualTo(at("2026-11-05T08:30", NEW_YORK));
        }
    }

    // ------------------------------------------------------------------------------------------ integrations

    static final Targets GATEWAY_2026 = Targets.of(
            List.of(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)),
            List.of(Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(48)));
    static final Targets GATEWAY_DEC = Targets.of(
            List.of(Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2)),
            List.of(Duration.ofHours(6), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(48)));

    static final Policy WITH_GATEWAY = new Policy(KOLKATA, List.of(PolicyVersion.defaultVersion(), NOVEMBER), List.of(
            new IntegrationTargets("Payments Gateway", "gw-2026-06", LocalDate.of(2026, 6, 1), GATEWAY_2026),
            new IntegrationTargets(" payments GATEWAY", "gw-2026-12", LocalDate.of(2026, 12, 1), GATEWAY_DEC)));

    @Nested
    class Integrations {

        final Judge gw = new Judge(WITH_GATEWAY);

        @Test
        void configuredTargetsApplyWithNameTrimmedAndCaseInsensitive() {
            // Enterprise severity 1 on 1 July: ack after 45 min, met against the gateway's 1 h (core: 30 min)
            T t = T.sme().tier("ENTERPRISE").integration("  PAYMENTS gateway ").created(at("2026-07-01T10:00"))
                    .ack(at("2026-07-01T10:45")).response(at("2026-07-01T13:00")).closed(at("2026-07-01T15:00"));
            Verdict v = verdict(gw, t);
            assertThat(v.exempt()).isFalse();
            assertThat(v.policyVersion()).isEqualTo("gw-2026-06");
            assertThat(v.ackSeconds()).isEqualTo(45 * MIN);
            assertThat(v.ackTargetSeconds()).isEqualTo(HOUR);
            assertThat(v.ackStatus()).isEqualTo(Status.MET);
            assertThat(v.ackDueAt()).isEqualTo(at("2026-07-01T11:00"));
            // response after 3 h against 4 h: met; due 14:00
            assertThat(v.responseStatus()).isEqualTo(Status.MET);
            assertThat(v.responseDueAt()).isEqualTo(at("2026-07-01T14:00"));
        }

        @Test
        void integrationTargetsRunOnTheTicketsTierCalendar() {
            // SME, created Mon 21:50: the gateway's 1 h ack = 10 min tonight + 50 min from 08:00 -> 08:50
            T t = T.sme().integration("Payments Gateway").created(at("2026-07-06T21:50")).closed(at("2026-07-07T12:00"));
            Verdict v = verdict(gw, t);
            assertThat(v.ackDueAt()).isEqualTo(at("2026-07-07T08:50"));
            // closed 12:00: 10 min + 4 h = 250 min, breached against 1 h ack and 4 h response
            assertThat(v.ackSeconds()).isEqualTo(250 * MIN);
            assertThat(v.responseStatus()).isEqualTo(Status.BREACHED);
        }

        @Test
        void integrationTargetsAreEffectiveDatedByLocalDate() {
            // 00:30 on 1 December local is 19:00 UTC on 30 November: the December targets apply
            Instant created = at("2026-12-01T00:30");
            assertThat(created).isEqualTo(Instant.parse("2026-11-30T19:00:00Z"));
            Verdict v = verdict(gw, T.sme().tier("ENTERPRISE").integration("payments gateway").created(created)
                    .ack(at("2026-12-01T02:00")).closed(at("2026-12-01T03:00")));
            assertThat(v.policyVersion()).isEqualTo("gw-2026-12");
            assertThat(v.ackTargetSeconds()).isEqualTo(2 * HOUR);
            // 90 min against 2 h: met (the June targets' 1 h would have breached it)
            assertThat(v.ackSeconds()).isEqualTo(90 * MIN);
            assertThat(v.ackStatus()).isEqualTo(Status.MET);
        }

        @Test
        void ticketBeforeTheIntegrationsFirstTargetsIsExemptWithCoreFigures() {
            // created the last second of 31 May (local), before the gateway's first targets (1 June)
            T t = T.sme().tier("ENTERPRISE").integration("Payments Gateway").created(at("2026-05-31T23:59:59"))
                    .ack(at("2026-06-01T00:59:59")).closed(at("2026-06-01T02:00"));
            Verdict v = verdict(gw, t);
            assertThat(v.ackStatus()).isEqualTo(Status.EXEMPT);
            assertThat(v.responseStatus()).isEqualTo(Status.EXEMPT);
            assertThat(v.exempt()).isTrue();
            assertThat(v.policyVersion()).isEqualTo("default");
            // seconds still measured: 1 h to ack, 2 h 1 s to close (the response)
            assertThat(v.ackSeconds()).isEqualTo(HOUR);
            assertThat(v.responseSeconds()).isEqualTo(2 * HOUR + 1);
            assertThat(v.responseSource()).isEqualTo(EventSource.CLOSED);
            // core targets: 30 min and 2 h after creation
            assertThat(v.ackTargetSeconds()).isEqualTo(30 * MIN);
            assertThat(v.ackDueAt()).isEqualTo(at("2026-06-01T00:29:59"));
            assertThat(v.responseDueAt()).isEqualTo(at("2026-06-01T01:59:59"));
        }

        @Test
        void integrationWithoutTargetsIsExemptWithTheCoreVersionInForce() {
            // SME severity 2 on Tue 10 Nov under the November version (ack 15 min, response 4 h)
            T t = T.sme().severity(2).integration("Unknown CRM").created(at("2026-11-10T10:00"))
                    .ack(at("2026-11-10T10:20")).response(at("2026-11-10T12:00")).closed(at("2026-11-10T13:00"));
            Verdict v = verdict(gw, t);
            assertThat(v.ackStatus()).isEqualTo(Status.EXEMPT);
            assertThat(v.responseStatus()).isEqualTo(Status.EXEMPT);
            assertThat(v.policyVersion()).isEqualTo("2026-11");
            assertThat(v.ackSource()).isEqualTo(EventSource.ACKNOWLEDGED);
            assertThat(v.responseSource()).isEqualTo(EventSource.RESPONDED);
            assertThat(v.ackSeconds()).isEqualTo(20 * MIN);
            assertThat(v.responseSeconds()).isEqualTo(2 * HOUR);
            assertThat(v.ackTargetSeconds()).isEqualTo(15 * MIN);
            assertThat(v.responseTargetSeconds()).isEqualTo(4 * HOUR);
            assertThat(v.ackDueAt()).isEqualTo(at("2026-11-10T10:15"));
            assertThat(v.responseDueAt()).isEqualTo(at("2026-11-10T14:00"));
        }

        @Test
        void blankIntegrationIsTheCoreProduct() {
            Verdict v = verdict(gw, T.sme().integration("   ").created(at("2026-07-01T10:00")).ack(at("2026-07-01T10:45"))
                    .closed(at("2026-07-01T11:00")));
            assertThat(v.exempt()).isFalse();
            assertThat(v.policyVersion()).isEqualTo("default");
            // 45 min against the core 30 min
            assertThat(v.ackStatus()).isEqualTo(Status.BREACHED);
        }
    }

    // ------------------------------------------------------------------------------------------ long spans

    @Nested
    class LongSpans {

        @Test
        void smeTicketOpenThreeYears() {
            // 2023-01-01 10:00 -> 2026-01-01 10:00 local: 365 + 366 (2024) + 365 = 1096 days,
            // each 10:00 -> 10:00 day holding 14 h of support time (10-22 and 08-10)
            Verdict v = verdict(T.sme().created(at("2023-01-01T10:00")).closed(at("2026-01-01T10:00")));
            assertThat(v.ackSeconds()).isEqualTo(1096L * 14 * HOUR).isEqualTo(55_238_400L);
            assertThat(v.responseSeconds()).isEqualTo(55_238_400L);
            assertThat(v.ackDueAt()).isEqualTo(at("2023-01-01T10:30"));
            assertThat(v.responseDueAt()).isEqualTo(at("2023-01-01T12:00"));
            assertThat(v.period()).isEqualTo(YearMonth.of(2026, 1));
        }

        @Test
        void enterpriseTicketOpenThreeYears() {
            Verdict v = verdict(T.sme().tier("ENTERPRISE").created(at("2023-01-01T10:00")).closed(at("2026-01-01T10:00")));
            // 1096 days of 24 h (no daylight saving in Kolkata)
            assertThat(v.ackSeconds()).isEqualTo(1096L * DAY).isEqualTo(94_694_400L);
        }

        @Test
        void threeAndAHalfYearsInNewYorkCountRealSecondsAndFourteenHourDays() {
            Judge ny = new Judge(Policy.defaultPolicy(NEW_YORK));
            // 2023-01-01 10:00 EST -> 2026-07-01 10:00 EDT: 1096 + 181 (Jan-Jun 2026) = 1277 calendar days,
            // but the end is on daylight time, one hour earlier in real time: 1277 * 24 h - 1 h
            T t = T.sme().created(at("2023-01-01T10:00", NEW_YORK)).closed(at("2026-07-01T10:00", NEW_YORK));
            assertThat(verdict(ny, t.tier("ENTERPRISE")).responseSeconds()).isEqualTo(1277L * DAY - HOUR)
                    .isEqualTo(110_329_200L);
            // every desk day is 08:00-22:00 local, whatever the offset: 1277 * 14 h
            assertThat(verdict(ny, t).responseSeconds()).isEqualTo(1277L * 14 * HOUR).isEqualTo(64_360_800L);
        }

        @Test
        void acrossOneSpringForwardInNewYork() {
            Judge ny = new Judge(Policy.defaultPolicy(NEW_YORK));
            // Sat 2026-03-07 12:00 EST -> Mon 2026-03-09 12:00 EDT: 48 calendar hours, 47 real ones
            T t = T.sme().created(at("2026-03-07T12:00", NEW_YORK)).closed(at("2026-03-09T12:00", NEW_YORK));
            assertThat(verdict(ny, t.tier("ENTERPRISE")).ackSeconds()).isEqualTo(47 * HOUR);
            // the desk: Sat 12-22 (10 h) + Sun 08-22 (14 h) + Mon 08-12 (4 h) = 28 h
            assertThat(verdict(ny, t.tier("SMB")).ackSeconds()).isEqualTo(28 * HOUR);
        }
    }
}
