package com.example.slacompliance.source;

import com.example.slacompliance.sla.Ticket;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
