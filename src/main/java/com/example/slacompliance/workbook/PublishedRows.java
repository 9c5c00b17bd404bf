package com.example.slacompliance.workbook;

import com.example.slacompliance.source.BinaryResults;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads what the publish step published for one period, or the figures a run staged to publish. The
 * long lists are streamed row by row (a fetch size, inside a transaction, so PostgreSQL uses a cursor),
 * see {@link Lists}, and so are the published rejected tickets; the figures are small.
 */
final class PublishedRows {

    /** The keys of the summary rows: the three tiers, and all of them together. */
    enum Group { ENTERPRISE, SME, SMB, ALL }

    static final String SUMMARY = """
            SELECT severity, customer_tier, tickets_closed, tickets_evaluated, ack_compliance_pct,
                   response_compliance_pct, tickets_with_breach, ack_p50_seconds, ack_p90_seconds, response_p50_seconds,
                   response_p90_seconds
              FROM sla_compliance_summary{STAGED}""";

    /** The figures of all severities together, per tier and for all tiers (published with the summary). */
    static final String ALL_SEVERITIES = """
            SELECT customer_tier, tickets_closed, tickets_evaluated, ack_compliance_pct, response_compliance_pct,
                   tickets_with_breach, ack_p50_seconds, ack_p90_seconds, response_p50_seconds, response_p90_seconds
              FROM sla_compliance_total{STAGED}""";

    static final String TREND = """
            SELECT period, severity, ack_compliance_pct, response_compliance_pct
              FROM sla_compliance_summary
             WHERE customer_tier = 'ALL' AND period >= :first AND period <= :last""";

    static final String VERSIONS_APPLIED = """
            SELECT DISTINCT policy_version{C} AS policy_version FROM sla_ticket_result WHERE period = :period
             ORDER BY policy_version""";

    static final String RESULT_COLUMNS = """
            ticket_id, account_id, account_name, customer_tier, severity, category, channel, integration, subject,
            policy_version, ack_seconds, ack_target_seconds, ack_due_at, ack_status, ack_source, response_seconds,
            response_target_seconds, response_due_at, response_status, response_source, created_at, acknowledged_at,
            first_response_at, closed_at""";

    static final String BREACHES = "SELECT " + RESULT_COLUMNS + """
              FROM sla_ticket_result
             WHERE period = :period AND (ack_status = 'BREACHED' OR response_status = 'BREACHED')
             ORDER BY severity, created_at, ticket_id{C}""";

    static final String EXEMPT = "SELECT " + RESULT_COLUMNS + """
              FROM sla_ticket_result
             WHERE period = :period AND ack_status = 'EXEMPT'
             ORDER BY lower(trim(integration{C})), created_at, ticket_id{C}""";

    static final String SEVERITY4 = """
            SELECT ticket_id, account_id, account_name, category, channel, integration, subject, created_at,
                   acknowledged_at, first_response_at, closed_at, ack_seconds, ack_target_seconds, ack_status,
                   response_seconds, response_target_seconds, response_status, exempt, breached, policy_version
              FROM sla_severity4_request
             WHERE period = :period
             ORDER BY account_id{C} NULLS LAST, created_at, ticket_id{C}""";

    static final String REJECTED = """
            SELECT ticket_id, reason, detail FROM sla_rejected_ticket{STAGED} ORDER BY reason, ticket_id{C}""";

    /** A query of published rows ({@code run} null), or of what the run staged to publish. */
    private static String of(String query, Long run) {
        return query.replace("{STAGED}", run == null ? " WHERE period = :period" : "_stage WHERE job_execution_id = :run");
    }

    private static Map<String, Object> params(YearMonth period, Long run) {
        return run == null ? Map.of("period", period.toString()) : Map.of("run", run);
    }

    /** What the small sheets and the Rejected sheet show of a month; the rejected tickets are read as they are listed. */
    record MonthFigures(List<Map<Group, Figures>> perSeverity, Map<Group, Figures> allSeverities,
                        Map<YearMonth, BigDecimal[][]> trend, Consumer<Consumer<Rejected>> rejected) {
    }

    /** What was published for {@code period}. */
    MonthFigures published(YearMonth period) {
        return figures(period, null);
    }

    /**
     * What the run {@code run} staged to publish for {@code period}, as it will be published; the Trend's
     * other months as they were published. Read it before the run publishes (which clears the stage): the
     * rejected tickets are read now, into memory (a run's workbook is drafted only when they are few).
     */
    MonthFigures staged(YearMonth period, long run) {
        return figures(period, run);
    }

    private MonthFigures figures(YearMonth period, Long run) {
        List<Map<Group, Figures>> perSeverity = perSeverity(period, run);
        Map<YearMonth, BigDecimal[][]> trend = trend(period.minusMonths(TrendSheet.MONTHS - 1), period);
        if (run != null) { // this month's row of the Trend as it will be published: its summary for all tiers
            BigDecimal[][] month = new BigDecimal[4][2];
            for (int severity = 1; severity <= 4; severity++) {
                Figures all = perSeverity.get(severity - 1).get(Group.ALL);
                month[severity - 1][0] = all.ackPct();
                month[severity - 1][1] = all.responsePct();
            }
            trend.put(period, month);
        }
        Consumer<Consumer<Rejected>> rejected = each -> jdbc.query(sql(of(REJECTED, run)), params(period, run),
                (RowCallbackHandler) rs ->
                        each.accept(new Rejected(rs.getString("ticket_id"), rs.getString("reason"), rs.getString("detail"))));
        if (run != null) {
            List<Rejected> staged = new ArrayList<>();
            rejected.accept(staged::add);
            rejected = staged::forEach;
        }
        return new MonthFigures(perSeverity, allSeverities(period, run), trend, rejected);
    }

    /** The long lists, in the order {@link Lists} reads them. */
    private static final List<String> LISTS = List.of(BREACHES, SEVERITY4, EXEMPT);

    private final DataSource dataSource;
    private final int fetchSize;
    private final NamedParameterJdbcTemplate jdbc;
    private Boolean postgres;

    PublishedRows(DataSource dataSource, int fetchSize) {
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
        JdbcTemplate template = new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                BinaryResults.request(statement);
            }
        };
        template.setFetchSize(fetchSize);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /** The figures per severity (1 to 4, index 0 to 3) and group; groups without a summary row are {@link Figures#NONE}. */
    private List<Map<Group, Figures>> perSeverity(YearMonth period, Long run) {
        List<Map<Group, Figures>> bySeverity = List.of(
                new EnumMap<>(Group.class), new EnumMap<>(Group.class), new EnumMap<>(Group.class), new EnumMap<>(Group.class));
        jdbc.query(of(SUMMARY, run), params(period, run), (RowCallbackHandler) rs -> {
            int severity = rs.getInt("severity");
            String tier = rs.getString("customer_tier");
            Figures figures = new Figures(rs.getInt("tickets_closed"), rs.getInt("tickets_evaluated"),
                    rs.getBigDecimal("ack_compliance_pct"), rs.getBigDecimal("response_compliance_pct"),
                    rs.getInt("tickets_with_breach"),
                    dbl(rs, "ack_p50_seconds"), dbl(rs, "ack_p90_seconds"),
                    dbl(rs, "response_p50_seconds"), dbl(rs, "response_p90_seconds"));
            bySeverity.get(severity - 1).put(Group.valueOf(tier), figures);
        });
        for (Map<Group, Figures> groups : bySeverity) {
            for (Group g : Group.values()) {
                groups.putIfAbsent(g, Figures.NONE);
            }
        }
        return bySeverity;
    }

    /** The figures of all severities together, per group. */
    private Map<Group, Figures> allSeverities(YearMonth period, Long run) {
        Map<Group, Figures> groups = new EnumMap<>(Group.class);
        jdbc.query(of(ALL_SEVERITIES, run), params(period, run), (RowCallbackHandler) rs ->
                groups.put(Group.valueOf(rs.getString("customer_tier")), new Figures(rs.getInt("tickets_closed"),
                        rs.getInt("tickets_evaluated"), rs.getBigDecimal("ack_compliance_pct"),
                        rs.getBigDecimal("response_compliance_pct"), rs.getInt("tickets_with_breach"),
                        dbl(rs, "ack_p50_seconds"), dbl(rs, "ack_p90_seconds"),
                        dbl(rs, "response_p50_seconds"), dbl(rs, "response_p90_seconds"))));
        for (Group g : Group.values()) {
            groups.putIfAbsent(g, Figures.NONE);
        }
        return groups;
    }

    /** Ack and response compliance per month and severity (all tiers), for the months {@code first..last}. */
    private Map<YearMonth, BigDecimal[][]> trend(YearMonth first, YearMonth last) {
        Map<YearMonth, BigDecimal[][]> months = new HashMap<>();
        jdbc.query(TREND, Map.of("first", first.toString(), "last", last.toString()), (RowCallbackHandler) rs -> {
            BigDecimal[][] month = months.computeIfAbsent(YearMonth.parse(rs.getString("period")),
                    m -> new BigDecimal[4][2]);
            int severity = rs.getInt("severity");
            month[severity - 1][0] = rs.getBigDecimal("ack_compliance_pct");
            month[severity - 1][1] = rs.getBigDecimal("response_compliance_pct");
        });
        return months;
    }

    List<String> versionsApplied(YearMonth period) {
        return jdbc.queryForList(sql(VERSIONS_APPLIED), Map.of("period", period.toString()), String.class);
    }

    /**
     * A query with its text compared in code point order on PostgreSQL ({@code COLLATE "C"}), whatever
     * the database's collation, as {@link KeptLists} sorts it; H2 compares Java strings.
     */
    private String sql(String query) {
        if (postgres == null) {
            postgres = jdbc.getJdbcTemplate().execute(
                    (ConnectionCallback<Boolean>) connection -> connection.isWrapperFor(PGConnection.class));
        }
        return query.replace("{C}", postgres ? " COLLATE \"C\"" : "");
    }

    /**
     * The long lists of {@code period}, to be read in the order breaches, Severity 4, third-party.
     * Call inside the caller's read-only repeatable-read transaction, and close.
     */
    Lists lists(YearMonth period) {
        sql("");
        return new Lists(period, postgres
                ? jdbc.getJdbcTemplate().queryForObject("SELECT pg_export_snapshot()", String.class) : null);
    }

    /**
     * The long lists of a period. On PostgreSQL each list's query runs one list ahead, on a connection
     * of its own that shares the caller's snapshot (exported by its transaction), so that the database
     * filters and sorts a list while the previous one is written (about 0.5 s before a list's first row
     * at a million tickets, during which the workbook waited). Elsewhere they are read one after the
     * other on the caller's connection.
     */
    final class Lists implements MonthLists {

        private final YearMonth month;
        private final String period;
        private final String snapshot;
        private final ExecutorService ahead;
        private Future<Cursor> next;
        private int nextList;

        private Lists(YearMonth period, String snapshot) {
            this.month = period;
            this.period = period.toString();
            this.snapshot = snapshot;
            this.ahead = snapshot == null ? null : Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "workbook-read-ahead");
                thread.setDaemon(true);
                return thread;
            });
            startAhead();
        }

        @Override
        public List<String> versionsApplied() {
            return PublishedRows.this.versionsApplied(month);
        }

        @Override
        public void breaches(Consumer<TicketResult> each) {
            BinaryResults.Instants instants = new BinaryResults.Instants();
            read(BREACHES, (rs, row) -> result(rs, instants), each);
        }

        @Override
        public void severity4(Consumer<Severity4Request> each) {
            BinaryResults.Instants instants = new BinaryResults.Instants();
            read(SEVERITY4, (rs, row) -> severity4Request(rs, instants), each);
        }

        @Override
        public void exempt(Consumer<TicketResult> each) {
            BinaryResults.Instants instants = new BinaryResults.Instants();
            read(EXEMPT, (rs, row) -> result(rs, instants), each);
        }

        private <T> void read(String list, RowMapper<T> row, Consumer<T> each) {
            if (LISTS.indexOf(list) != nextList) {
                throw new IllegalStateException("the lists are read in the order of PublishedRows.LISTS");
            }
            nextList++;
            if (snapshot == null) {
                jdbc.query(sql(list), Map.of("period", period), (RowCallbackHandler) rs -> each.accept(row.mapRow(rs, 0)));
                return;
            }
            try (Cursor cursor = await(next)) {
                startAhead();
                ResultSet rs = cursor.rows();
                while (rs.next()) {
                    each.accept(row.mapRow(rs, 0));
                }
            } catch (SQLException e) {
                DataAccessException translated = jdbc.getJdbcTemplate().getExceptionTranslator()
                        .translate("reading a list", list, e);
                throw translated != null ? translated : new UncategorizedSQLException("reading a list", list, e);
            }
        }

        /** Starts the query of the list after the last one read (PostgreSQL). */
        private void startAhead() {
            if (snapshot == null || nextList == LISTS.size()) {
                next = null;
                return;
            }
            String list = LISTS.get(nextList);
            next = ahead.submit(() -> open(list));
        }

        private Cursor open(String list) throws SQLException {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
                }
                PreparedStatement statement = connection.prepareStatement(sql(list).replace(":period", "?"));
                BinaryResults.request(statement);
                statement.setFetchSize(fetchSize);
                statement.setString(1, period);
                return new Cursor(connection, statement.executeQuery());
            } catch (SQLException | RuntimeException e) {
                Cursor.end(connection);
                throw e;
            }
        }

        private Cursor await(Future<Cursor> cursor) throws SQLException {
            try {
                return cursor.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while a list was read", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Ends a query started ahead and not read (after a failure on the way): waits for it, then closes it. */
        @Override
        public void close() {
            if (next != null) {
                try {
                    await(next).close();
                } catch (SQLException | RuntimeException e) {
                    // it failed: nothing to close
                }
                next = null;
            }
            if (ahead != null) {
                ahead.shutdownNow();
            }
        }
    }

    /** A list's rows, read on a connection of their own; closing ends its read-only transaction. */
    private record Cursor(Connection connection, ResultSet rows) implements AutoCloseable {

        @Override
        public void close() {
            end(connection);
        }

        static void end(Connection connection) {
            try (connection) {
                connection.rollback(); // it only read
            } catch (SQLException e) {
                // the connection is gone: nothing to end
            }
        }
    }

    private static Severity4Request severity4Request(ResultSet rs, BinaryResults.Instants instants)
            throws SQLException {
        return new Severity4Request(rs.getString("ticket_id"), rs.getString("account_id"),
                rs.getString("account_name"), rs.getString("category"), rs.getString("channel"),
                rs.getString("integration"), rs.getString("subject"), instants.get(rs, "created_at"),
                instants.get(rs, "acknowledged_at"), instants.get(rs, "first_response_at"),
                instants.get(rs, "closed_at"), rs.getLong("ack_seconds"), rs.getLong("ack_target_seconds"),
                rs.getString("ack_status"), rs.getLong("response_seconds"), rs.getLong("response_target_seconds"),
                rs.getString("response_status"), rs.getBoolean("exempt"), rs.getBoolean("breached"),
                rs.getString("policy_version"));
    }

    private static TicketResult result(ResultSet rs, BinaryResults.Instants instants) throws SQLException {
        return new TicketResult(rs.getString("ticket_id"), rs.getString("account_id"), rs.getString("account_name"),
                rs.getString("customer_tier"), rs.getInt("severity"), rs.getString("category"),
                rs.getString("channel"), rs.getString("integration"), rs.getString("subject"),
                rs.getString("policy_version"), rs.getLong("ack_seconds"), rs.getLong("ack_target_seconds"),
                instants.get(rs, "ack_due_at"), rs.getString("ack_status"), rs.getString("ack_source"),
                rs.getLong("response_seconds"), rs.getLong("response_target_seconds"),
                instants.get(rs, "response_due_at"), rs.getString("response_status"), rs.getString("response_source"),
                instants.get(rs, "created_at"), instants.get(rs, "acknowledged_at"),
                instants.get(rs, "first_response_at"), instants.get(rs, "closed_at"));
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
