package com.example.slacompliance.sla;

import java.time.Instant;
import java.time.YearMonth;

/**
 * How one closed ticket fared against its targets.
 *
 * @param policyVersion the id of the policy version (or integration targets) that gave the targets
 * @param period        the month of {@code closed_at} in the reporting zone
 * @param ackAt         the effective acknowledgment instant, from {@code ackSource}
 * @param responseAt    the effective response instant, from {@code responseSource}
 * @param ackTargetSeconds      the acknowledgment target applied (the core one for exempt tickets)
 * @param responseTargetSeconds the response target applied (the core one for exempt tickets)
 */
public record Verdict(
        Ticket ticket,
        Tier tier,
        int severity,
        String policyVersion,
        YearMonth period,
        Instant ackAt,
        EventSource ackSource,
        long ackSeconds,
        long ackTargetSeconds,
        Instant ackDueAt,
        Status ackStatus,
        Instant responseAt,
        EventSource responseSource,
        long responseSeconds,
        long responseTargetSeconds,
        Instant responseDueAt,
        Status responseStatus) implements Judgement {

    public boolean exempt() {
        return ackStatus == Status.EXEMPT;
    }
}
