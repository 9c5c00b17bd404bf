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

    /** The request of a Severity 4 result, as the view {@code sla_severity4_request} makes it of its row. */
    static Severity4Request of(TicketResult r) {
        return new Severity4Request(r.ticketId(), r.accountId(), r.accountName(), r.category(), r.channel(),
                r.integration(), r.subject(), r.createdAt(), r.acknowledgedAt(), r.firstResponseAt(), r.closedAt(),
                r.ackSeconds(), r.ackTargetSeconds(), r.ackStatus(), r.responseSeconds(), r.responseTargetSeconds(),
                r.responseStatus(), r.ackStatus().equals("EXEMPT"),
                r.ackStatus().equals("BREACHED") || r.responseStatus().equals("BREACHED"), r.policyVersion());
    }
}
