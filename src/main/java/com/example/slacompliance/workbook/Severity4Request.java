package com.example.slacompliance.workbook;

import java.time.Instant;

/** One row of the {@code sla_severity4_request} view: a Severity 4 ticket of the period, met or not. */
record Severity4Request(
        String ticketId,
        String accountId,
        String accountName,
        String category,
        String channel,
        String integration,
        String subject,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant firstResponseAt,
        Instant closedAt,
        long ackSeconds,
        long ackTargetSeconds,
        String ackStatus,
        long responseSeconds,
        long responseTargetSeconds,
        String responseStatus,
        boolean exempt,
        boolean breached,
        String policyVersion) {
}
