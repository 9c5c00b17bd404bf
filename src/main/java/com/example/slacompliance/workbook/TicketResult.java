package com.example.slacompliance.workbook;

import java.time.Instant;

/** One published row of {@code sla_ticket_result}, as the Breaches and Third-party sheets list it. */
record TicketResult(
        String ticketId,
        String accountId,
        String accountName,
        String tier,
        int severity,
        String category,
        String channel,
        String integration,
        String subject,
        String policyVersion,
        long ackSeconds,
        long ackTargetSeconds,
        Instant ackDueAt,
        String ackStatus,
        String ackSource,
        long responseSeconds,
        long responseTargetSeconds,
        Instant responseDueAt,
        String responseStatus,
        String responseSource,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant firstResponseAt,
        Instant closedAt) {

    /** The instant that served as the effective acknowledgment. */
    Instant ackAt() {
        return event(ackSource);
    }

    /** The instant that served as the effective response. */
    Instant responseAt() {
        return event(responseSource);
    }

    private Instant event(String source) {
        return switch (source) {
            case "ACKNOWLEDGED" -> acknowledgedAt;
            case "RESPONDED" -> firstResponseAt;
            default -> closedAt;
        };
    }
}
