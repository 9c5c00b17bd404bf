package com.example.slacompliance.job;

import com.example.slacompliance.job.RunReport.SeverityFigures;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Reads a run's counts and per-severity figures, whether it published them or only staged them. */
final class RunFigures {

    static final String COUNTS = """
            SELECT count(*) AS judged,
                   COALESCE(sum(CASE WHEN ack_status = 'EXEMPT' THEN 1 ELSE 0 END), 0) AS exempt
              FROM (SELECT ack_status FROM sla_ticket_result WHERE period = :period AND job_execution_id = :id
                    UNION ALL
                    SELECT ack_status FROM sla_ticket_result_stage WHERE job_execution_id = :id) r""";
    static final String REJECTED = """
            SELECT (SELECT count(*) FROM sla_rejected_ticket WHERE period = :period AND job_execution_id = :id)
                 + (SELECT count(*) FROM sla_rejected_ticket_stage WHERE job_execution_id = :id)""";
    static final String SEVERITIES = """
            SELECT severity, tickets_closed, tickets_evaluated, ack_compliance_pct, response_compliance_pct
              FROM %s WHERE job_execution_id = :id AND customer_tier = 'ALL' ORDER BY severity""";

    private final NamedParameterJdbcTemplate jdbc;

    RunFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {judged, exempt, rejected} of a run (the period keeps the lookup to that month's rows). Judged and
     * exempt come from the run's summary {@code severities} when it has one (an exempt ticket is closed
     * but not evaluated), else from its result rows, which is a scan of the month (0.3 s at a million).
     */
    long[] counts(String period, long jobExecutionId, List<SeverityFigures> severities) {
        Map<String, Object> id = Map.of("period", period, "id", jobExecutionId);
        long judged = 0;
        long exempt = 0;
        if (severities.isEmpty()) {
            Map<String, Object> rows = jdbc.queryForMap(COUNTS, id);
            judged = ((Number) rows.get("judged")).longValue();
            exempt = ((Number) rows.get("exempt")).longValue();
        }
        for (SeverityFigures severity : severities) {
            judged += severity.closed();
            exempt += severity.closed() - severity.evaluated();
        }
        Long rejected = jdbc.queryForObject(REJECTED, id, Long.class);
        return new long[] {judged, exempt, rejected == null ? 0 : rejected};
    }

    /** The published (or, for a dry run, staged) figures per severity over all tiers. */
    List<SeverityFigures> severities(long jobExecutionId, boolean staged) {
        String table = staged ? "sla_compliance_summary_stage" : "sla_compliance_summary";
        return jdbc.query(SEVERITIES.formatted(table), Map.of("id", jobExecutionId), (rs, n) -> new SeverityFigures(
                rs.getInt("severity"), rs.getLong("tickets_closed"), rs.getLong("tickets_evaluated"),
                rs.getBigDecimal("ack_compliance_pct"), rs.getBigDecimal("response_compliance_pct")));
    }
}
