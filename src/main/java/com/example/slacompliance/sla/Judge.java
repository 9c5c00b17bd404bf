package com.example.slacompliance.sla;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/** Judges closed tickets against a {@link Policy}: the SLA rules in one place. Thread-safe. */
public final class Judge {

    private final Policy policy;

    public Judge(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Judges one ticket. Bad values become a {@link Rejection}; the ticket must be closed (the source
     * never reads open ones).
     */
    public Judgement judge(Ticket t) {
        if (t.createdAt() == null) {
            return new Rejection(t, RejectReason.MISSING_CREATED_AT, "created_at is null");
        }
        if (!Severity.isValid(t.severity())) {
            return new Rejection(t, RejectReason.UNKNOWN_SEVERITY,
                    t.severity() == null ? "severity is null" : "severity " + t.severity() + " is not 1 to 4");
        }
        Tier tier = Tier.parse(t.customerTier()).orElse(null);
        if (tier == null) {
            return new Rejection(t, RejectReason.UNKNOWN_TIER, t.customerTier() == null ? "customer_tier is null"
                    : "customer_tier '" + t.customerTier() + "' is not ENTERPRISE, SME or SMB");
        }
        String early = firstBeforeCreated(t);
        if (early != null) {
            return new Rejection(t, RejectReason.TIMESTAMP_BEFORE_CREATED, early);
        }
        if (t.closedAt() == null) {
            throw new IllegalArgumentException("ticket " + t.ticketId() + " is not closed");
        }
        return verdict(t, tier);
    }

    private Verdict verdict(Ticket t, Tier tier) {
        int severity = t.severity();
        PolicyVersion version = policy.versionAt(t.createdAt());
        SupportCalendar calendar = policy.calendar(tier, version);

        Instant ackAt = t.closedAt();
        EventSource ackSource = EventSource.CLOSED;
        Instant responseAt = t.closedAt();
        EventSource responseSource = EventSource.CLOSED;
        if (t.firstResponseAt() != null && !t.firstResponseAt().isAfter(responseAt)) {
            responseAt = t.firstResponseAt();
            responseSource = EventSource.RESPONDED;
            ackAt = responseAt;
            ackSource = EventSource.RESPONDED;
        }
        if (t.acknowledgedAt() != null && !t.acknowledgedAt().isAfter(ackAt)) {
            ackAt = t.acknowledgedAt();
            ackSource = EventSource.ACKNOWLEDGED;
        }

        long created = t.createdAt().getEpochSecond();
        long ackSeconds = calendar.elapsed(created, ackAt.getEpochSecond());
        long responseSeconds = calendar.elapsed(created, responseAt.getEpochSecond());

        Targets targets = version.targets();
        String applied = version.id();
        boolean exempt = false;
        if (t.involvesIntegration()) {
            IntegrationTargets own = policy.integrationTargetsAt(t.integration(), t.createdAt());
            if (own == null) {
                exempt = true;
            } else {
                targets = own.targets();
                applied = own.id();
            }
        }
        long ackTarget = targets.ackSeconds(severity);
        long responseTarget = targets.responseSeconds(severity);
        return new Verdict(t, tier, severity, applied, period(t.closedAt()),
                ackAt, ackSource, ackSeconds, ackTarget,
                Instant.ofEpochSecond(calendar.due(created, ackTarget)),
                exempt ? Status.EXEMPT : status(ackSeconds, ackTarget),
                responseAt, responseSource, responseSeconds, responseTarget,
                Instant.ofEpochSecond(calendar.due(created, responseTarget)),
                exempt ? Status.EXEMPT : status(responseSeconds, responseTarget));
    }

    /** The month of an instant in the reporting zone. */
    public YearMonth period(Instant instant) {
        ZonedDateTime local = instant.atZone(policy.zone());
        return YearMonth.of(local.getYear(), local.getMonth());
    }

    private static Status status(long elapsed, long target) {
        return elapsed <= target ? Status.MET : Status.BREACHED;
    }

    private static String firstBeforeCreated(Ticket t) {
        String[] names = {"acknowledged_at", "first_response_at", "closed_at"};
        Instant[] values = {t.acknowledgedAt(), t.firstResponseAt(), t.closedAt()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && values[i].isBefore(t.createdAt())) {
                return names[i] + " " + values[i] + " is before created_at " + t.createdAt();
            }
        }
        return null;
    }
}
