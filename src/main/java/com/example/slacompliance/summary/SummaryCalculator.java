package com.example.slacompliance.summary;

import com.example.slacompliance.sla.Status;
import com.example.slacompliance.sla.Tier;
import com.example.slacompliance.summary.Summary.Figures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Stages the figures of one run's period, computed by {@link Summary} from the run's staged results:
 * the 16 rows of {@code sla_compliance_summary} (severities 1-4 x ENTERPRISE, SME, SMB, ALL; zero counts
 * and null figures where there are no tickets) and the 4 of {@code sla_compliance_total} (all severities
 * together, per tier and ALL).
 *
 * <p>The percentiles are computed in Java: sorting a million values takes well under a second, where
 * PostgreSQL's percentile_cont sorted twice as many rows on disk, and the arithmetic is the same on H2
 * and PostgreSQL. The run's summary was kept as its verdicts were staged ({@link RunningSummaries});
 * when it is not complete, the staged rows are read back instead, streamed (run it inside a
 * transaction, so PostgreSQL uses a cursor).
 */
public final class SummaryCalculator {

    static final String STAGED = """
            SELECT severity, customer_tier, ack_status, response_status, ack_seconds, response_seconds
              FROM sla_ticket_result_stage
             WHERE job_execution_id = ?""";

    /** The figure columns of a summary or total row, in the order of their values; publish copies the same. */
    public static final String FIGURES = """
            tickets_closed, tickets_evaluated, ack_met, ack_breached, response_met, response_breached,
            ack_compliance_pct, response_compliance_pct, ack_p50_seconds, ack_p90_seconds, response_p50_seconds,
            response_p90_seconds, tickets_with_breach, job_execution_id""";

    static final String INSERT_SUMMARY = "INSERT INTO sla_compliance_summary_stage (period, severity, customer_tier, "
            + FIGURES + ") VALUES (?, ?, ?, " + "?, ".repeat(13) + "?)";

    static final String INSERT_TOTAL = "INSERT INTO sla_compliance_total_stage (period, customer_tier, "
            + FIGURES + ") VALUES (?, ?, " + "?, ".repeat(13) + "?)";

    /** The summary tables' name for all tiers together. */
    static final String ALL_TIERS = "ALL";

    private static final Logger log = LoggerFactory.getLogger(SummaryCalculator.class);

    private final JdbcTemplate jdbc;
    private final int fetchSize;
    private final RunningSummaries running;

    public SummaryCalculator(JdbcTemplate jdbc, int fetchSize, RunningSummaries running) {
        this.jdbc = jdbc;
        this.fetchSize = fetchSize;
        this.running = running;
    }

    /**
     * Stages the summary and total rows of a run's period.
     *
     * @param staged the judgements (verdicts and rejections) the run's evaluate step staged
     */
    public void summarize(String period, long jobExecutionId, long staged) {
        Optional<Summary> kept = running.take(jobExecutionId, staged);
        log.debug("run {}: the summary of its {} staged judgements {}", jobExecutionId, staged,
                kept.isPresent() ? "was kept while they were staged" : "is read back from the staged rows");
        Summary summary = kept.orElseGet(() -> readStaged(jobExecutionId));

        List<Object[]> summaryRows = new ArrayList<>();
        List<Object[]> totalRows = new ArrayList<>();
        for (Tier tier : tiersAndAll()) {
            String name = tier == null ? ALL_TIERS : tier.name();
            for (int severity = 1; severity <= 4; severity++) {
                summaryRows.add(values(List.of(period, severity, name), summary.figures(severity, tier), jobExecutionId));
            }
            Figures total = summary.figures(null, tier);
            totalRows.add(values(List.of(period, name), total, jobExecutionId));
        }
        jdbc.batchUpdate(INSERT_SUMMARY, summaryRows);
        jdbc.batchUpdate(INSERT_TOTAL, totalRows);
    }

    private Summary readStaged(long jobExecutionId) {
        Summary summary = new Summary();
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(fetchSize);
        streaming.query(STAGED, (RowCallbackHandler) rs -> summary.add(rs.getInt(1), Tier.valueOf(rs.getString(2)),
                Status.valueOf(rs.getString(3)), Status.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6)),
                jobExecutionId);
        return summary;
    }

    /** The three tiers, then null for all of them. */
    private static List<Tier> tiersAndAll() {
        List<Tier> tiers = new ArrayList<>(List.of(Tier.values()));
        tiers.add(null);
        return tiers;
    }

    /** The key, then the figures in the order of {@link #FIGURES}. */
    private static Object[] values(List<Object> key, Figures f, long jobExecutionId) {
        List<Object> values = new ArrayList<>(key);
        values.addAll(Arrays.asList(f.closed(), f.evaluated(), f.ackMet(), f.ackBreached(), f.responseMet(),
                f.responseBreached(), f.ackPct(), f.responsePct(), f.ackP50(), f.ackP90(), f.responseP50(),
                f.responseP90(), f.withBreach(), jobExecutionId));
        return values.toArray();
    }
}
