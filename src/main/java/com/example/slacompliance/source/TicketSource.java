package com.example.slacompliance.source;

import com.example.slacompliance.sla.Ticket;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code tickets} table (or view): the job only ever reads it. */
public final class TicketSource {

    /** Closed tickets of a period; the {@code closed_at} index serves it. */
    static final String CLOSED_IN_PERIOD = """
            SELECT ticket_id, account_id, account_name, customer_tier, severity, category, channel, integration,
                   subject, created_at, acknowledged_at, first_response_at, closed_at
              FROM tickets
             WHERE closed_at >= ? AND closed_at < ?""";

    private TicketSource() {
    }

    /**
     * A streaming reader of the tickets closed in {@code [from, to)}: a server-side cursor (autocommit
     * off, a fetch size), never the whole month in memory.
     */
    public static JdbcCursorItemReader<Ticket> reader(DataSource dataSource, Instant from, Instant to, int fetchSize) {
        return new JdbcCursorItemReaderBuilder<Ticket>()
                .name("tickets")
                .dataSource(dataSource)
                .sql(CLOSED_IN_PERIOD)
                .preparedStatementSetter(ps -> {
                    BinaryResults.request(ps);
                    ps.setObject(1, utc(from));
                    ps.setObject(2, utc(to));
                })
                .fetchSize(fetchSize)
                .connectionAutoCommit(false)
                .verifyCursorPosition(false)
                .saveState(false)
                .rowMapper(mapper())
                .build();
    }

    /**
     * What PostgreSQL's planner statistics say of {@code tickets.closed_at}: the bounds (epoch seconds,
     * ascending) of its histogram, which split the tickets sampled at the last {@code ANALYZE} into equal
     * shares, the tickets the table held then, and the tickets inserted, updated or deleted since.
     * {@link #NONE} when there are none (a view, a table never analyzed) or they cannot be read. Costs no
     * scan of the tickets.
     */
    public record ClosedAtStatistics(long[] bounds, double tickets, long changedSince) {

        public static final ClosedAtStatistics NONE = new ClosedAtStatistics(new long[0], 0, 0);
    }

    static final String CLOSED_AT_STATISTICS = """
            SELECT c.reltuples, coalesce(t.n_mod_since_analyze, 0) AS changed,
                   array(SELECT floor(extract(epoch FROM b))::bigint
                           FROM unnest(s.histogram_bounds::text::timestamptz[]) b ORDER BY 1) AS bounds
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = 'closed_at'
              LEFT JOIN pg_stat_all_tables t ON t.relid = c.oid
             WHERE c.oid = to_regclass('tickets')
             ORDER BY s.inherited DESC
             LIMIT 1""";

    public static ClosedAtStatistics closedAtStatistics(JdbcTemplate jdbc) {
        try {
            List<ClosedAtStatistics> found = jdbc.query(CLOSED_AT_STATISTICS, (rs, row) -> {
                Object[] bounds = (Object[]) rs.getArray("bounds").getArray();
                return new ClosedAtStatistics(Arrays.stream(bounds).mapToLong(b -> ((Number) b).longValue()).toArray(),
                        rs.getDouble("reltuples"), rs.getLong("changed"));
            });
            return found.isEmpty() ? ClosedAtStatistics.NONE : found.get(0);
        } catch (org.springframework.dao.DataAccessException e) {
            return ClosedAtStatistics.NONE;
        }
    }

    /** Whether the source table or view exists in the connection's search path. */
    public static boolean exists(JdbcTemplate jdbc) {
        try {
            jdbc.queryForObject("SELECT count(*) FROM tickets WHERE 1 = 0", Integer.class);
            return true;
        } catch (org.springframework.dao.DataAccessException e) {
            return false;
        }
    }

    /** Maps each row of one reader's result sets to a ticket. */
    static RowMapper<Ticket> mapper() {
        BinaryResults.Instants instants = new BinaryResults.Instants();
        return (rs, row) -> map(rs, instants);
    }

    private static Ticket map(ResultSet rs, BinaryResults.Instants instants) throws SQLException {
        return new Ticket(
                rs.getString("ticket_id"),
                rs.getString("account_id"),
                rs.getString("account_name"),
                rs.getString("customer_tier"),
                rs.getObject("severity", Integer.class),
                rs.getString("category"),
                rs.getString("channel"),
                rs.getString("integration"),
                rs.getString("subject"),
                instants.get(rs, "created_at"),
                instants.get(rs, "acknowledged_at"),
                instants.get(rs, "first_response_at"),
                instants.get(rs, "closed_at"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
