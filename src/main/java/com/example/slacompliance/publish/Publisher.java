package com.example.slacompliance.publish;

import com.example.slacompliance.evaluate.StageWriter;
import com.example.slacompliance.summary.SummaryCalculator;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Replaces a period's published rows with one run's staged rows. Called inside one transaction, so
 * readers see the previous complete month or the new complete one, never a mix.
 *
 * <p>On PostgreSQL the run's results are staged in a partition of their own, which the publish turns
 * into the month's partition of {@code sla_ticket_result} (detach, attach): a month is written once.
 * Elsewhere (the embedded H2) the staged rows are copied.
 */
public final class Publisher {

    static final String RESULT_COLUMNS = StageWriter.RESULT_COLUMNS;
    static final String REJECT_COLUMNS = "ticket_id, period, reason, detail, job_execution_id";
    static final String SUMMARY_COLUMNS = "period, severity, customer_tier, " + SummaryCalculator.FIGURES;
    static final String TOTAL_COLUMNS = "period, customer_tier, " + SummaryCalculator.FIGURES;

    /** The small staging tables, copied on publish and cleared by prepare and discard. */
    static final String[] SMALL_STAGES = {
        "sla_rejected_ticket_stage", "sla_compliance_summary_stage", "sla_compliance_total_stage"};

    /** Tickets of this run: a ticket that moved here from another month leaves that month. */
    static final String STAGED_IDS = """
            SELECT ticket_id FROM sla_ticket_result_stage WHERE job_execution_id = :job_execution_id
            UNION ALL
            SELECT ticket_id FROM sla_rejected_ticket_stage WHERE job_execution_id = :job_execution_id""";

    /**
     * A ticket rejected in another month that this run evaluated or rejected leaves that month's rejects
     * (H2; PostgreSQL looks up only {@link #MOVE_CANDIDATES}).
     */
    static final String REJECTS_MOVED_AWAY = "DELETE FROM sla_rejected_ticket WHERE ticket_id IN (" + STAGED_IDS + ")";

    static final String[] REPLACE_REJECTS_AND_SUMMARY = {
        "DELETE FROM sla_rejected_ticket WHERE period = :period",
        "DELETE FROM sla_compliance_summary WHERE period = :period",
        "DELETE FROM sla_compliance_total WHERE period = :period",
        "INSERT INTO sla_rejected_ticket (" + REJECT_COLUMNS + ") SELECT " + REJECT_COLUMNS
                + " FROM sla_rejected_ticket_stage WHERE job_execution_id = :job_execution_id",
        "INSERT INTO sla_compliance_summary (" + SUMMARY_COLUMNS + ") SELECT " + SUMMARY_COLUMNS
                + " FROM sla_compliance_summary_stage WHERE job_execution_id = :job_execution_id",
        "INSERT INTO sla_compliance_total (" + TOTAL_COLUMNS + ") SELECT " + TOTAL_COLUMNS
                + " FROM sla_compliance_total_stage WHERE job_execution_id = :job_execution_id",
    };

    static final String[] COPY_RESULTS = {
        "DELETE FROM sla_ticket_result WHERE period = :period",
        "DELETE FROM sla_ticket_result WHERE ticket_id IN (" + STAGED_IDS + ")",
        "INSERT INTO sla_ticket_result (" + RESULT_COLUMNS + ") SELECT " + RESULT_COLUMNS
                + " FROM sla_ticket_result_stage WHERE job_execution_id = :job_execution_id",
    };

    /**
     * The tickets of this run that may be published in another month, results or rejects (PostgreSQL):
     * those that are not among this month's results. A ticket is published in one month at most (each
     * publish removes its tickets from the other months), so one this month holds is in no other. A re-run
     * finds the few that moved here since the month was last published; the month's first run, all of its
     * tickets. Looking every staged ticket up in every other month instead cost 1.3 s per other month of a
     * million tickets on every run of such a month (6.7 s beside five).
     */
    static final String MOVE_CANDIDATES = "INSERT INTO sla_move_candidate SELECT s.ticket_id FROM (" + STAGED_IDS
            + ") s";
    /**
     * Leaves out the candidates this month's results hold: a hash anti-join of the analyzed staging
     * partition and the month's partition itself, 1.1 s for a million tickets whatever the other months.
     * On the partitioned table the planner has no statistics (ANALYZE of a partition leaves its parent's
     * empty), and without the staging partition's it looked up a million tickets one by one: 2 to 2.3 s.
     */
    static final String NOT_IN_MONTH = " WHERE NOT EXISTS (SELECT 1 FROM %s p WHERE p.ticket_id = s.ticket_id)";

    static final String[] MOVED_AWAY = {
        "DELETE FROM sla_ticket_result r USING sla_move_candidate c"
                + " WHERE r.period <> :period AND r.ticket_id = c.ticket_id",
        "DELETE FROM sla_rejected_ticket r USING sla_move_candidate c WHERE r.ticket_id = c.ticket_id",
    };
    static final String STAGE_PARTITIONS = """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'sla_ticket_result_stage'::regclass""";
    /** The published months' partitions: whether one is this month's (:name), and how many are others'. */
    static final String MONTH_PARTITIONS = """
            SELECT count(*) FILTER (WHERE c.relname = :name) > 0 AS published,
                   count(*) FILTER (WHERE c.relname <> :name) AS others
              FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'sla_ticket_result'::regclass""";

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean partitioned;

    /** {@code partitioned}: PostgreSQL, whose result tables are partitioned (see the migrations). */
    public Publisher(NamedParameterJdbcTemplate jdbc, boolean partitioned) {
        this.jdbc = jdbc;
        this.partitioned = partitioned;
    }

    /**
     * Makes room for a run of {@code period}: drops what runs that died before publishing left staged
     * (only one run works at a time) and, on PostgreSQL, creates the run's staging partition. Its rows
     * are checked to be of the period as they are written, so that the partition can become the
     * month's without a scan (0.2 s at a million rows, when the check was added at publishing). The
     * period and the job execution are its columns' defaults, which the evaluate step's {@code COPY}
     * leaves to it (see {@link StageWriter#partition}); publishing drops them.
     */
    public void prepare(String period, long jobExecutionId) {
        Map<String, Object> params = Map.of("job_execution_id", jobExecutionId);
        if (partitioned) {
            for (String leftover : jdbc.queryForList(STAGE_PARTITIONS, Map.of(), String.class)) {
                execute("DROP TABLE " + checkedName(leftover));
            }
            YearMonth month = YearMonth.parse(period); // a validated YearMonth: digits and a dash only
            execute("CREATE TABLE " + stagePartition(jobExecutionId) + " PARTITION OF sla_ticket_result_stage"
                    + " (period DEFAULT '" + month + "', job_execution_id DEFAULT " + jobExecutionId + ","
                    + " CONSTRAINT " + monthPartition(month) + "_period CHECK (period = '" + month + "'))"
                    + " FOR VALUES IN (" + jobExecutionId + ")");
        } else {
            jdbc.update("DELETE FROM sla_ticket_result_stage WHERE job_execution_id <> :job_execution_id", params);
        }
        for (String stage : SMALL_STAGES) {
            jdbc.update("DELETE FROM " + stage + " WHERE job_execution_id <> :job_execution_id", params);
        }
    }

    /** Publishes a staged run; the caller's transaction makes it all or nothing. */
    public void publish(String period, long jobExecutionId) {
        Map<String, Object> params = Map.of("period", period, "job_execution_id", jobExecutionId);
        boolean published = false; // the month has a partition already (PostgreSQL)
        if (partitioned) {
            // statistics for the joins below and for the workbook's queries, which read it next as the month's
            // partition. They filter on a few columns of few values, which a sample of 3,000 rows describes as
            // well as the default 30,000 (0.05 s instead of 0.8 s for a million rows).
            execute("SET LOCAL default_statistics_target = 10");
            execute("ANALYZE " + stagePartition(jobExecutionId));
            String month = monthPartition(YearMonth.parse(period));
            Map<String, Object> partitions = jdbc.queryForMap(MONTH_PARTITIONS, Map.of("name", month));
            published = (Boolean) partitions.get("published");
            if (((Number) partitions.get("others")).longValue() > 0) { // each published month has a partition
                removeFromOtherMonths(month, published, params);
            }
        } else {
            for (String statement : COPY_RESULTS) {
                jdbc.update(statement, params);
            }
            jdbc.update(REJECTS_MOVED_AWAY, params);
        }
        for (String statement : REPLACE_REJECTS_AND_SUMMARY) {
            jdbc.update(statement, params);
        }
        if (partitioned) {
            swapInMonthPartition(YearMonth.parse(period), published, jobExecutionId);
        }
        discardStaged(jobExecutionId);
    }

    /** Tickets of this run published in another month, as results or rejects, leave it (PostgreSQL). */
    private void removeFromOtherMonths(String monthPartition, boolean published, Map<String, Object> params) {
        execute("CREATE TEMPORARY TABLE sla_move_candidate (ticket_id text) ON COMMIT DROP");
        jdbc.update(MOVE_CANDIDATES + (published ? NOT_IN_MONTH.formatted(monthPartition) : ""), params);
        execute("ANALYZE sla_move_candidate"); // so that a few candidates are looked up in each month's key
        for (String statement : MOVED_AWAY) {
            jdbc.update(statement, params);
        }
    }

    /** The run's staging partition becomes the month's partition; the old one is dropped. */
    private void swapInMonthPartition(YearMonth month, boolean alreadyPublished, long jobExecutionId) {
        String staged = stagePartition(jobExecutionId);
        String published = monthPartition(month);
        String period = month.toString(); // a validated YearMonth: digits and a dash only
        execute("ALTER TABLE sla_ticket_result_stage DETACH PARTITION " + staged);
        // the defaults the run's COPY relied on (see prepare) are not the published month's
        execute("ALTER TABLE " + staged + " ALTER COLUMN period DROP DEFAULT, ALTER COLUMN job_execution_id DROP DEFAULT");
        // its check of the period (see prepare) lets ATTACH skip its own scan of the rows
        if (alreadyPublished) {
            execute("DROP TABLE " + published);
        }
        execute("ALTER TABLE " + staged + " RENAME TO " + published);
        // Attaching builds the partition's primary key over the month's ids, beside the workbook being written:
        // one process sorting in memory (a million tickets take 79 MB) costs the machine less CPU than the
        // default, two more worker processes sorting 64 MB on disk, and leaves the workbook a core. 0.93x and 0.97x
        // the whole run's time at a million tickets (2 x 7 pairs). A larger month sorts on disk, as before.
        execute("SET LOCAL maintenance_work_mem = '128MB'");
        execute("SET LOCAL max_parallel_maintenance_workers = 0");
        execute("ALTER TABLE sla_ticket_result ATTACH PARTITION " + published + " FOR VALUES IN ('" + period + "')");
    }

    /** Drops a run's staged rows (after publishing, or after a dry run). */
    public void discardStaged(long jobExecutionId) {
        Map<String, Object> params = Map.of("job_execution_id", jobExecutionId);
        if (partitioned) {
            execute("DROP TABLE IF EXISTS " + stagePartition(jobExecutionId));
        } else {
            jdbc.update("DELETE FROM sla_ticket_result_stage WHERE job_execution_id = :job_execution_id", params);
        }
        for (String stage : SMALL_STAGES) {
            jdbc.update("DELETE FROM " + stage + " WHERE job_execution_id = :job_execution_id", params);
        }
    }

    static String monthPartition(YearMonth month) {
        return "sla_ticket_result_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
    }

    static String stagePartition(long jobExecutionId) {
        return StageWriter.partition(jobExecutionId);
    }

    /** Only tables this class named are ever dropped. */
    private static String checkedName(String table) {
        if (!table.matches("sla_ticket_result_stage_[0-9]+")) {
            throw new IllegalStateException("unexpected partition of sla_ticket_result_stage: " + table);
        }
        return table;
    }

    private void execute(String ddl) {
        jdbc.getJdbcTemplate().execute(ddl);
    }
}
