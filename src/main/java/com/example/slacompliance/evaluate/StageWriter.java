package com.example.slacompliance.evaluate;

import com.example.slacompliance.sla.Judgement;
import com.example.slacompliance.sla.Rejection;
import com.example.slacompliance.sla.Verdict;
import com.example.slacompliance.summary.RunningSummaries;
import com.example.slacompliance.workbook.KeptLists;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages one run's judgements: a result row per judged ticket, a reject row per rejected one, tagged
 * with the job execution. Nothing is visible to readers until the publish step. On PostgreSQL the
 * results go through a binary {@code COPY} ({@link CopyBinary}) on the chunk's own connection (rolled
 * back with the chunk); elsewhere through batched inserts. Each staged chunk is added to the run's
 * {@link RunningSummaries.Running running summary} and, when the run writes a workbook, to its
 * {@link KeptLists.Running kept lists}.
 */
public class StageWriter implements ItemWriter<Judgement> {

    /** The columns of a result row, in the order of {@link #resultValues}; the publish step copies the same. */
    public static final String RESULT_COLUMNS = """
            ticket_id, period, severity, customer_tier, account_id, account_name, category, channel, subject,
            integration, policy_version, ack_seconds, response_seconds, ack_target_seconds, response_target_seconds,
            ack_due_at, response_due_at, ack_status, response_status, ack_source, response_source, created_at,
            acknowledged_at, first_response_at, closed_at, job_execution_id""";

    static final String INSERT_RESULT = "INSERT INTO sla_ticket_result_stage (" + RESULT_COLUMNS + ") VALUES ("
            + "?, ".repeat(25) + "?)";

    static final String INSERT_REJECT = """
            INSERT INTO sla_rejected_ticket_stage (ticket_id, period, reason, detail, job_execution_id)
            VALUES (?, ?, ?, ?, ?)""";

    /**
     * The chunk's commit does not wait for its WAL to reach the disk (PostgreSQL's asynchronous commit, for
     * this transaction only). A crash of the server may then lose the last chunks committed before it, but
     * never part of one, nor a chunk without the step's record of it, which Spring Batch writes in the same
     * transaction: a restart resumes from the last chunk kept. The publish transaction commits as usual,
     * and its commit makes every staged chunk before it durable too. A million tickets: 200 commits that
     * each waited for a flush of about 1.2 MB of WAL (a run writes 262 MB), 0.3-0.6 s of the evaluate step.
     */
    static final String ASYNCHRONOUS_COMMIT = "SET LOCAL synchronous_commit TO off";

    /** The columns the run's staging partition fills in by their defaults (see {@link #partition}). */
    static final Set<String> FROM_DEFAULTS = Set.of("period", "job_execution_id");

    private static final List<String> RESULT_COLUMN_NAMES = Arrays.stream(RESULT_COLUMNS.split(","))
            .map(String::strip).toList();

    /**
     * The positions in a result row (the order of {@link #RESULT_COLUMNS}) of the values its {@code COPY}
     * sends: all but the period and the job execution, which are the same in every row of a run. Sent
     * straight to the run's partition without those two, a million rows took PostgreSQL 2.5 s instead of
     * 2.8 s to copy (by {@code psql}, from a file).
     */
    static final int[] COPIED = IntStream.range(0, RESULT_COLUMN_NAMES.size())
            .filter(i -> !FROM_DEFAULTS.contains(RESULT_COLUMN_NAMES.get(i))).toArray();

    static final String COPIED_COLUMNS = Arrays.stream(COPIED).mapToObj(RESULT_COLUMN_NAMES::get)
            .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final String period;
    private final Long jobExecutionId; // boxed once, not once a row
    private final boolean copy;
    private final RunningSummaries.Running summary;
    private final KeptLists.Running lists;
    private final String copyResults;

    /** {@code lists}: where the workbook's rows are kept, or null for a run without a workbook. */
    public StageWriter(JdbcTemplate jdbc, String period, long jobExecutionId, boolean copy,
                       RunningSummaries.Running summary, KeptLists.Running lists) {
        this.jdbc = jdbc;
        this.period = period;
        this.jobExecutionId = jobExecutionId;
        this.copy = copy;
        this.summary = summary;
        this.lists = lists;
        this.copyResults = "COPY " + partition(jobExecutionId) + " (" + COPIED_COLUMNS + ") FROM STDIN (FORMAT binary)";
    }

    /**
     * The run's staging partition of {@code sla_ticket_result_stage} on PostgreSQL, which the publish step
     * makes the month's; it gives the period and the job execution as its columns' defaults.
     */
    public static String partition(long jobExecutionId) {
        return "sla_ticket_result_stage_" + jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends Judgement> chunk) {
        List<Verdict> verdicts = new ArrayList<>(chunk.size());
        List<Rejection> rejections = new ArrayList<>();
        for (Judgement j : chunk) {
            if (j instanceof Verdict v) {
                verdicts.add(v);
            } else {
                rejections.add((Rejection) j);
            }
        }
        List<Object[]> results = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            results.add(resultValues(v));
        }
        if (!results.isEmpty() && copy) {
            copyResults(results);
        } else if (!results.isEmpty()) {
            jdbc.batchUpdate(INSERT_RESULT, results, results.size(), StageWriter::bindResult);
        }
        if (!rejections.isEmpty()) {
            jdbc.batchUpdate(INSERT_REJECT, rejections, rejections.size(), this::bindReject);
        }
        summary.add(verdicts, rejections.size());
        if (lists != null) {
            lists.add(results, rejections.size());
        }
    }

    /**
     * One result row's values as they are stored, in the order of {@link #RESULT_COLUMNS}, each of its
     * column's type as {@link CopyBinary} writes it: String (without NUL), Short (smallint), Long
     * (bigint), Instant (whole seconds: a ticket's, and the due times the judge computes from them), or null.
     */
    private Object[] resultValues(Verdict v) {
        var t = v.ticket();
        return new Object[] {Text.storable(t.ticketId()), v.period().toString(), (short) v.severity(),
            v.tier().name(), Text.storable(t.accountId()), Text.storable(t.accountName()),
            Text.storable(t.category()), Text.storable(t.channel()), Text.storable(t.subject()),
            Text.storable(t.integration()), v.policyVersion(), v.ackSeconds(), v.responseSeconds(),
            v.ackTargetSeconds(), v.responseTargetSeconds(), v.ackDueAt(), v.responseDueAt(),
            v.ackStatus().name(), v.responseStatus().name(), v.ackSource().name(), v.responseSource().name(),
            t.createdAt(), t.acknowledgedAt(), t.firstResponseAt(), t.closedAt(), jobExecutionId};
    }

    private static void bindResult(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Instant instant) {
                setInstant(ps, i + 1, instant);
            } else if (value instanceof String text) {
                ps.setString(i + 1, text);
            } else {
                ps.setObject(i + 1, value); // numbers, and null text or instants
            }
        }
    }

    private void copyResults(List<Object[]> results) {
        jdbc.execute((java.sql.Connection connection) -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ASYNCHRONOUS_COMMIT);
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyResults);
            try {
                CopyBinary rows = new CopyBinary(copy::writeToCopy);
                for (Object[] values : results) {
                    rows.row(values, COPIED);
                }
                rows.end();
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy(); // the write failed: give the connection back usable
                }
            }
        });
    }

    private void bindReject(PreparedStatement ps, Rejection r) throws SQLException {
        ps.setString(1, Text.storable(r.ticket().ticketId()));
        ps.setString(2, period);
        ps.setString(3, r.reason().name());
        ps.setString(4, Text.storable(r.detail()));
        ps.setLong(5, jobExecutionId);
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}
