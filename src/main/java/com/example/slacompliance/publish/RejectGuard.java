package com.example.slacompliance.publish;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Refuses to publish a period with too much bad data: when rejected / (judged + rejected) exceeds the
 * configured ratio, the run fails and the published figures stay as they were.
 */
public final class RejectGuard {

    /** Judged: from the run's staged totals (summarize comes first), else a count of its staged results. */
    static final String COUNTS = """
            SELECT coalesce((SELECT tickets_closed FROM sla_compliance_total_stage
                              WHERE job_execution_id = :job_execution_id AND customer_tier = 'ALL'),
                            (SELECT count(*) FROM sla_ticket_result_stage WHERE job_execution_id = :job_execution_id)) AS judged,
                   (SELECT count(*) FROM sla_rejected_ticket_stage WHERE job_execution_id = :job_execution_id) AS rejected""";
    static final String TOP_REASONS = """
            SELECT reason, count(*) AS n FROM sla_rejected_ticket_stage WHERE job_execution_id = :job_execution_id
             GROUP BY reason ORDER BY n DESC, reason""";

    private final NamedParameterJdbcTemplate jdbc;
    private final double maxRejectRatio;

    public RejectGuard(NamedParameterJdbcTemplate jdbc, double maxRejectRatio) {
        this.jdbc = jdbc;
        this.maxRejectRatio = maxRejectRatio;
    }

    /** Throws {@link TooMuchBadData} when the run's reject ratio is over the limit; a period without tickets passes. */
    public void check(long jobExecutionId) {
        Map<String, Object> params = Map.of("job_execution_id", jobExecutionId);
        Map<String, Object> counts = jdbc.queryForMap(COUNTS, params);
        long judged = ((Number) counts.get("judged")).longValue();
        long rejected = ((Number) counts.get("rejected")).longValue();
        long total = judged + rejected;
        if (total == 0 || (double) rejected / total <= maxRejectRatio) {
            return;
        }
        List<String> reasons = jdbc.query(TOP_REASONS, params, (rs, n) -> rs.getString("reason") + " " + rs.getLong("n"));
        throw new TooMuchBadData(String.format(Locale.ROOT,
                "%d of %d tickets rejected (%.1f %%, over sla.max-reject-ratio %.1f %%): %s; nothing published",
                rejected, total, 100.0 * rejected / total, 100 * maxRejectRatio,
                reasons.stream().limit(3).collect(Collectors.joining(", "))));
    }

    /** Too many rejected tickets to publish the period. */
    public static final class TooMuchBadData extends RuntimeException {
        public TooMuchBadData(String message) {
            super(message);
        }
    }
}
