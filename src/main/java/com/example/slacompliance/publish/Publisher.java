package com.example.slacompliance.publish;

import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Replaces a period's published rows with one run's staged rows. Called inside one transaction, so
 * readers see the previous complete month or the new complete one, never a mix.
 */
public final class Publisher {

    static final String RESULT_COLUMNS = """
            ticket_id, period, severity, customer_tier, account_id, account_name, category, channel, subject,
            integration, policy_version, ack_seconds, response_seconds, ack_target_seconds, response_target_seconds,
            ack_due_at, response_due_at, ack_status, response_status, ack_source, response_source, created_at,
            acknowledged_at, first_response_at, closed_at, job_execution_id""";
    static final String REJECT_COLUMNS = "ticket_id, period, reason, detail, job_execution_id";
    static final String SUMMARY_COLUMNS = """
            period, severity, customer_tier, tickets_closed, tickets_evaluated, ack_met, ack_breached, response_met,
            response_breached, ack_compliance_pct, response_compliance_pct, ack_p50_seconds, ack_p90_seconds,
            response_p50_seconds, response_p90_seconds, job_execution_id""";

    /** Tickets of this run: a ticket that moved here from another month leaves that month. */
    static final String STAGED_IDS = """
            SELECT ticket_id FROM sla_ticket_result_stage WHERE job_execution_id = :job_execution_id
            UNION ALL
            SELECT ticket_id FROM sla_rejected_ticket_stage WHERE job_execution_id = :job_execution_id""";

    static final String[] REPLACE = {
        "DELETE FROM sla_ticket_result WHERE period = :period",
        "DELETE FROM sla_ticket_result WHERE ticket_id IN (" + STAGED_IDS + ")",
        "DELETE FROM sla_rejected_ticket WHERE period = :period",
        "DELETE FROM sla_rejected_ticket WHERE ticket_id IN (" + STAGED_IDS + ")",
        "DELETE FROM sla_compliance_summary WHERE period = :period",
        "INSERT INTO sla_ticket_result (" + RESULT_COLUMNS + ") SELECT " + RESULT_COLUMNS
                + " FROM sla_ticket_result_stage WHERE job_execution_id = :job_execution_id",
        "INSERT INTO sla_rejected_ticket (" + REJECT_COLUMNS + ") SELECT " + REJECT_COLUMNS
                + " FROM sla_rejected_ticket_stage WHERE job_execution_id = :job_execution_id",
        "INSERT INTO sla_compliance_summary (" + SUMMARY_COLUMNS + ") SELECT " + SUMMARY_COLUMNS
                + " FROM sla_compliance_summary_stage WHERE job_execution_id = :job_execution_id",
    };

    static final String[] STAGE_TABLES = {
        "sla_ticket_result_stage", "sla_rejected_ticket_stage", "sla_compliance_summary_stage"};

    private final NamedParameterJdbcTemplate jdbc;

    public Publisher(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Publishes a staged run; the caller's transaction makes it all or nothing. */
    public void publish(String period, long jobExecutionId) {
        Map<String, Object> params = Map.of("period", period, "job_execution_id", jobExecutionId);
        for (String statement : REPLACE) {
            jdbc.update(statement, params);
        }
        discardStaged(jobExecutionId);
    }

    /** Drops a run's staged rows (after publishing, or after a dry run). */
    public void discardStaged(long jobExecutionId) {
        for (String table : STAGE_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE job_execution_id = :job_execution_id",
                    Map.of("job_execution_id", jobExecutionId));
        }
    }

    /** Drops what earlier runs that died before publishing left staged; only one run works at a time. */
    public void discardLeftovers(long currentJobExecutionId) {
        for (String table : STAGE_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE job_execution_id <> :job_execution_id",
                    Map.of("job_execution_id", currentJobExecutionId));
        }
    }
}
