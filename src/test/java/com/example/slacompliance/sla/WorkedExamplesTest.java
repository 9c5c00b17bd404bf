package com.example.slacompliance.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The worked examples of SLA-RULES.md (Asia/Kolkata; Mon = 2026-11-02, Tue = 2026-11-03). */
class WorkedExamplesTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    final Judge judge = new Judge(Policy.defaultPolicy(KOLKATA));

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KOLKATA).toInstant();
    }

    static Ticket ticket(String tier, int severity, Instant created, Instant ack, Instant response, Instant closed) {
        return new Ticket("T", "A", "Acme", tier, severity, "cat", "CHAT", null, "subject", created, ack, response, closed);
    }

    Verdict verdict(Ticket t) {
        return assertInstanceOf(Verdict.class, judge.judge(t));
    }

    @Test
    void smeSev1RaisedJustBeforeClosingIsAcknowledgedNextMorning() {
        Verdict v = verdict(ticket("SME", 1, at("2026-11-02T21:50"), at("2026-11-03T08:15"), null, at("2026-11-03T12:00")));
        assertEquals(25 * 60, v.ackSeconds());
        assertEquals(Status.MET, v.ackStatus());
        assertEquals(EventSource.ACKNOWLEDGED, v.ackSource());
        assertEquals(at("2026-11-03T08:20"), v.ackDueAt());
        assertEquals(at("2026-11-03T09:50"), v.responseDueAt());
    }

    @Test
    void smeSev2RaisedAtNightIsBreachedAtOneMinutePastTarget() {
        Verdict v = verdict(ticket("SME", 2, at("2026-11-02T23:30"), at("2026-11-03T08:31"), null, at("2026-11-03T12:00")));
        assertEquals(31 * 60, v.ackSeconds());
        assertEquals(Status.BREACHED, v.ackStatus());
        assertEquals(at("2026-11-03T08:30"), v.ackDueAt());
    }

    @Test
    void smbSev1RaisedAndAcknowledgedBeforeOpeningUsesNoTime() {
        Verdict v = verdict(ticket("SMB", 1, at("2026-11-02T06:00"), at("2026-11-02T07:59"), null, at("2026-11-02T12:00")));
        assertEquals(0, v.ackSeconds());
        assertEquals(Status.MET, v.ackStatus());
    }

    @Test
    void smbSev3RespondedAtExactlyTwentyFourSupportHoursIsMet() {
        Verdict v = verdict(ticket("SMB", 3, at("2026-11-02T10:00"), null, at("2026-11-03T20:00"), at("2026-11-03T21:00")));
        assertEquals(24 * 3600, v.responseSeconds());
        assertEquals(Status.MET, v.responseStatus());
        assertEquals(EventSource.RESPONDED, v.responseSource());
        assertEquals(at("2026-11-03T20:00"), v.responseDueAt());
    }

    @Test
    void enterpriseClockRunsThroughTheNight() {
        Verdict v = verdict(ticket("ENTERPRISE", 2, at("2026-11-02T23:30"), at("2026-11-03T00:05"), null, at("2026-11-03T12:00")));
        assertEquals(35 * 60, v.ackSeconds());
        assertEquals(Status.BREACHED, v.ackStatus());
    }

    @Test
    void smeAcknowledgedAfterClosingTimeIsMetAlthoughAfterDue() {
        Verdict v = verdict(ticket("SME", 1, at("2026-11-02T21:30"), at("2026-11-02T23:00"), null, at("2026-11-03T12:00")));
        assertEquals(at("2026-11-02T22:00"), v.ackDueAt());
        assertEquals(30 * 60, v.ackSeconds());
        assertEquals(Status.MET, v.ackStatus());
    }

    @Test
    void closingWithoutAckOrResponseAnswersBoth() {
        Verdict v = verdict(ticket("SME", 2, at("2026-11-02T11:00"), null, null, at("2026-11-02T11:10")));
        assertEquals(600, v.ackSeconds());
        assertEquals(600, v.responseSeconds());
        assertEquals(EventSource.CLOSED, v.ackSource());
        assertEquals(EventSource.CLOSED, v.responseSource());
        assertEquals(Status.MET, v.ackStatus());
        assertEquals(Status.MET, v.responseStatus());
    }

    @Test
    void enterpriseInNewYorkCountsRealSecondsAcrossFallBack() {
        ZoneId ny = ZoneId.of("America/New_York");
        Judge nyJudge = new Judge(Policy.defaultPolicy(ny));
        // 2026-11-01 is the fall-back day: 01:30 EDT (UTC-4) then, an hour later, 01:30 EST (UTC-5)
        Instant created = Instant.parse("2026-11-01T05:30:00Z");
        Instant ack = Instant.parse("2026-11-01T06:30:00Z");
        assertEquals(LocalDateTime.parse("2026-11-01T01:30"), LocalDateTime.ofInstant(created, ny));
        assertEquals(LocalDateTime.parse("2026-11-01T01:30"), LocalDateTime.ofInstant(ack, ny));
        Verdict v = assertInstanceOf(Verdict.class,
                nyJudge.judge(ticket("ENTERPRISE", 1, created, ack, null, ack.plusSeconds(60))));
        assertEquals(3600, v.ackSeconds());
    }
}
