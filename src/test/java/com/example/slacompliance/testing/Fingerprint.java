package com.example.slacompliance.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** A hash of every published row, without the run that wrote it: equal fingerprints, equal figures. */
public final class Fingerprint {

    static final String PUBLISHED = """
            SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), 'empty') FROM (
              SELECT ticket_id, period, severity, customer_tier, policy_version, ack_seconds, response_seconds,
                     ack_due_at, response_due_at, ack_status, response_status, ack_source, response_source, subject
                FROM sla_ticket_result
              UNION ALL SELECT ticket_id, period, NULL, reason, detail, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                FROM sla_rejected_ticket
              UNION ALL SELECT period, customer_tier, severity, tickets_closed::text, ack_met::text, response_met,
                     tickets_evaluated, NULL, NULL, ack_compliance_pct::text, response_compliance_pct::text,
                     ack_p50_seconds::text || '/' || ack_p90_seconds::text,
                     response_p50_seconds::text || '/' || response_p90_seconds::text, NULL
                FROM sla_compliance_summary) t""";

    private Fingerprint() {
    }

    /** PostgreSQL only. */
    public static String of(JdbcTemplate jdbc) {
        return jdbc.queryForObject(PUBLISHED, String.class);
    }
}
