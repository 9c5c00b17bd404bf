package com.example.slacompliance.sla;

import java.time.Instant;

/**
 * One closed ticket as read from the source, unvalidated: any field may be null or wrong, which the
 * {@link Judge} turns into a rejection. Instants are whole seconds.
 */
public record Ticket(
        String ticketId,
        String accountId,
        String accountName,
        String customerTier,
        Integer severity,
        String category,
        String channel,
        String integration,
        String subject,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant firstResponseAt,
        Instant closedAt) {

    /** Instants are truncated to whole seconds when read: everything downstream works in seconds. */
    public Ticket {
        createdAt = wholeSeconds(createdAt);
        acknowledgedAt = wholeSeconds(acknowledgedAt);
        firstResponseAt = wholeSeconds(firstResponseAt);
        closedAt = wholeSeconds(closedAt);
    }

    private static Instant wholeSeconds(Instant instant) {
        return instant == null || instant.getNano() == 0 ? instant : Instant.ofEpochSecond(instant.getEpochSecond());
    }

    /** Whether the ticket concerns a third-party integration rather than the core product. */
    public boolean involvesIntegration() {
        return integration != null && !integration.isBlank();
    }
}
