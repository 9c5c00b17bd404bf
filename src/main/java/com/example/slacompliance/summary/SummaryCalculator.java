package com.example.slacompliance.summary;

import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The per-period, severity and tier figures of SLA-RULES.md, computed in SQL from one run's staged
 * results: all 16 rows (severities 1-4 x ENTERPRISE, SME, SMB, ALL), zero counts and null figures
 * where there are no tickets.
 */
public final class SummaryCalculator {

    /*
     * Compliance % is rounded half-up to 2 decimals in integer arithmetic, so that H2 and PostgreSQL
     * agree to the cent: round(100 * met / n, 2) = floor((20000 * met + n) / (2 * n)) / 100.
     * Percentiles: percentile_cont over evaluated tickets only (exempt rows give NULL, which it skips),
     * rounded to the millisecond: PostgreSQL interpolates in double precision (7470.400000000001), H2 exactly.
     */
    static final String SUMMARIZE = """
            INSERT INTO sla_compliance_summary_stage (period, severity, customer_tier, tickets_closed,
                tickets_evaluated, ack_met, ack_breached, response_met, response_breached, ack_compliance_pct,
                response_compliance_pct, ack_p50_seconds, ack_p90_seconds, response_p50_seconds,
                response_p90_seconds, job_execution_id)
            SELECT :period, g.severity, g.customer_tier,
                   COALESCE(f.tickets_closed, 0), COALESCE(f.tickets_evaluated, 0),
                   COALESCE(f.ack_met, 0), COALESCE(f.ack_breached, 0),
                   COALESCE(f.response_met, 0), COALESCE(f.response_breached, 0),
                   CASE WHEN f.tickets_evaluated > 0 THEN CAST((20000 * f.ack_met + f.tickets_evaluated)
                        / (2 * f.tickets_evaluated) AS numeric(9, 2)) / 100 END,
                   CASE WHEN f.tickets_evaluated > 0 THEN CAST((20000 * f.response_met + f.tickets_evaluated)
                        / (2 * f.tickets_evaluated) AS numeric(9, 2)) / 100 END,
                   f.ack_p50, f.ack_p90, f.response_p50, f.response_p90,
                   :job_execution_id
              FROM (SELECT s.severity, t.customer_tier
                      FROM (VALUES (1), (2), (3), (4)) AS s (severity)
                     CROSS JOIN (VALUES ('ENTERPRISE'), ('SME'), ('SMB'), ('ALL')) AS t (customer_tier)) g
              LEFT JOIN (
                    SELECT severity, customer_tier,
                           count(*) AS tickets_closed,
                           sum(CASE WHEN ack_status <> 'EXEMPT' THEN 1 ELSE 0 END) AS tickets_evaluated,
                           sum(CASE WHEN ack_status = 'MET' THEN 1 ELSE 0 END) AS ack_met,
                           sum(CASE WHEN ack_status = 'BREACHED' THEN 1 ELSE 0 END) AS ack_breached,
                           sum(CASE WHEN response_status = 'MET' THEN 1 ELSE 0 END) AS response_met,
                           sum(CASE WHEN response_status = 'BREACHED' THEN 1 ELSE 0 END) AS response_breached,
                           round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_evaluated) AS numeric), 3) AS ack_p50,
                           round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY ack_evaluated) AS numeric), 3) AS ack_p90,
                           round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY response_evaluated) AS numeric), 3) AS response_p50,
                           round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY response_evaluated) AS numeric), 3) AS response_p90
                      FROM (SELECT r.severity, r.ack_status, r.response_status,
                                   CASE WHEN x.all_tiers = 1 THEN 'ALL' ELSE r.customer_tier END AS customer_tier,
                                   CASE WHEN r.ack_status <> 'EXEMPT' THEN r.ack_seconds END AS ack_evaluated,
                                   CASE WHEN r.response_status <> 'EXEMPT' THEN r.response_seconds END AS response_evaluated
                              FROM sla_ticket_result_stage r
                             CROSS JOIN (VALUES (0), (1)) AS x (all_tiers)
                             WHERE r.job_execution_id = :job_execution_id) staged
                     GROUP BY severity, customer_tier) f
                ON f.severity = g.severity AND f.customer_tier = g.customer_tier""";

    private final NamedParameterJdbcTemplate jdbc;

    public SummaryCalculator(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stages the 16 summary rows of a run's period. */
    public void summarize(String period, long jobExecutionId) {
        jdbc.update(SUMMARIZE, Map.of("period", period, "job_execution_id", jobExecutionId));
    }
}
