package com.example.slacompliance.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes rows into a source {@code tickets} table the way a helpdesk would. */
public final class Tickets {

    /** The job's default reporting zone ({@code sla.zone}), in which the tests give their tickets' times. */
    public static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private final JdbcTemplate jdbc;

    public Tickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String tier, Integer severity, Instant created, Instant ack, Instant response,
                       Instant closed) {
        insert(id, tier, severity, null, created, ack, response, closed);
    }

    public void insert(String id, String tier, Integer severity, String integration, Instant created, Instant ack,
                       Instant response, Instant closed) {
        jdbc.update("""
                INSERT INTO tickets (ticket_id, account_id, account_name, customer_tier, severity, category, channel,
                    integration, subject, created_at, acknowledged_at, first_response_at, closed_at)
                VALUES (?, 'ACC-1', 'Acme Ltd', ?, ?, 'Calling', 'CHAT', ?, ?, ?, ?, ?, ?)""",
                id, tier, severity, integration, "Subject of " + id, utc(created), utc(ack), utc(response), utc(closed));
    }

    /** A ticket with its own account, subject and integration. */
    public void insert(String id, String accountId, String accountName, String tier, Integer severity,
                       String integration, String subject, Instant created, Instant ack, Instant response,
                       Instant closed) {
        jdbc.update("""
                INSERT INTO tickets (ticket_id, account_id, account_name, customer_tier, severity, category, channel,
                    integration, subject, created_at, acknowledged_at, first_response_at, closed_at)
                VALUES (?, ?, ?, ?, ?, 'Reconciliation', 'CHAT', ?, ?, ?, ?, ?, ?)""",
                id, accountId, accountName, tier, severity, integration, subject, utc(created), utc(ack), utc(response),
                utc(closed));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant of a local date-time ({@code 2026-11-03T10:00}) in {@link #KOLKATA}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KOLKATA).toInstant();
    }

    /** An instant read back from a timestamptz column. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }
}
