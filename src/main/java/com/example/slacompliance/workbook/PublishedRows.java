package com.example.slacompliance.workbook;

import com.example.slacompliance.source.BinaryResults;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads what the publish step published for one period. The long lists are streamed row by row
 * (a fetch size, inside the caller's transaction, so PostgreSQL uses a cursor); the figures are small.
 */
final class PublishedRows {

    /** The keys of the summary rows: the three tiers, and all of them together. */
    enum Group { ENTERPRISE, SME, SMB, ALL }

    static final String SUMMARY = """
            SELECT severity, customer_tier, tickets_closed, tickets_evaluated, ack_compliance_pct,
                   response_compliance_pct, tickets_with_breach, ack_p50_seconds, ack_p90_seconds, response_p50_seconds,
                   response_p90_seconds
              FROM sla_compliance_summary
             WHERE period = :period""";

    /** The figures of all severities together, per tier and for all tiers (published with the summary). */
    static final String ALL_SEVERITIES = """
            SELECT customer_tier, tickets_closed, tickets_evaluated, ack_compliance_pct, response_compliance_pct,
                   tickets_with_breach, ack_p50_seconds, ack_p90_seconds, response_p50_seconds, response_p90_seconds
              FROM sla_compliance_total
             WHERE period = :period""";

    static final String TREND = """
            SELECT period, severity, ack_compliance_pct, response_compliance_pct
              FROM sla_compliance_summary
             WHERE customer_tier = 'ALL' AND period >= :first AND period <= :last""";

    static final String VERSIONS_APPLIED = """
            SELECT DISTINCT policy_version FROM sla_ticket_result WHERE period = :period ORDER BY policy_version""";

    static final String RESULT_COLUMNS = """
            ticket_id, account_id, account_name, customer_tier, severity, category, channel, integration, subject,
            policy_version, ack_seconds, ack_target_seconds, ack_due_at, ack_status, ack_source, response_seconds,
            response_target_seconds, response_due_at, response_status, response_source, created_at, acknowledged_at,
            first_response_at, closed_at""";

    static final String BREACHES = "SELECT " + RESULT_COLUMNS + """
              FROM sla_ticket_result
             WHERE period = :period AND (ack_status = 'BREACHED' OR response_status = 'BREACHED')
             ORDER BY severity, created_at, ticket_id""";

    static final String EXEMPT = "SELECT " + RESULT_COLUMNS + """
              FROM sla_ticket_result
             WHERE period = :period AND ack_status = 'EXEMPT'
             ORDER BY lower(trim(integration)), created_at, ticket_id""";

    static final String SEVERITY4 = """
            SELECT ticket_id, account_id, account_name, category, channel, integration, subject, created_at,
                   acknowledged_at, first_response_at, closed_at, ack_seconds, ack_target_seconds, ack_status,
                   response_seconds, response_target_seconds, response_status, exempt, breached, policy_version
              FROM sla_severity4_request
             WHERE period = :period
             ORDER BY account_id NULLS LAST, created_at, ticket_id""";

    static final String REJECTED = """
            SELECT ticket_id, reason, detail FROM sla_rejected_ticket WHERE period = :period ORDER BY reason, ticket_id""";

    private final NamedParameterJdbcTemplate jdbc;

    PublishedRows(DataSource dataSource, int fetchSize) {
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
    List<Map<Group, Figures>> perSeverity(YearMonth period) {
        List<Map<Group, Figures>> bySeverity = List.of(
                new EnumMap<>(Group.class), new EnumMap<>(Group.class), new EnumMap<>(Group.class), new EnumMap<>(Group.class));
        jdbc.query(SUMMARY, Map.of("period", period.toString()), (RowCallbackHandler) rs -> {
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
    Map<Group, Figures> allSeverities(YearMonth period) {
        Map<Group, Figures> groups = new EnumMap<>(Group.class);
        jdbc.query(ALL_SEVERITIES, Map.of("period", period.toString()), (RowCallbackHandler) rs ->
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
    Map<YearMonth, BigDecimal[][]> trend(YearMonth first, YearMonth last) {
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
        return jdbc.queryForList(VERSIONS_APPLIED, Map.of("period", period.toString()), String.class);
    }

    void breaches(YearMonth period, Consumer<TicketResult> each) {
        jdbc.query(BREACHES, Map.of("period", period.toString()), (RowCallbackHandler) rs -> each.accept(result(rs)));
    }

    void exempt(YearMonth period, Consumer<TicketResult> each) {
        jdbc.query(EXEMPT, Map.of("period", period.toString()), (RowCallbackHandler) rs -> each.accept(result(rs)));
    }

    void severity4(YearMonth period, Consumer<Severity4Request> each) {
        jdbc.query(SEVERITY4, Map.of("period", period.toString()), (RowCallbackHandler) rs -> each.accept(
                new Severity4Request(rs.getString("ticket_id"), rs.getString("account_id"),
                        rs.getString("account_name"), rs.getString("category"), rs.getString("channel"),
                        rs.getString("integration"), rs.getString("subject"), instant(rs, "created_at"),
                        instant(rs, "acknowledged_at"), instant(rs, "first_response_at"), instant(rs, "closed_at"),
                        rs.getLong("ack_seconds"), rs.getLong("ack_target_seconds"), rs.getString("ack_status"),
                        rs.getLong("response_seconds"), rs.getLong("response_target_seconds"),
                        rs.getString("response_status"), rs.getBoolean("exempt"), rs.getBoolean("breached"),
                        rs.getString("policy_version"))));
    }

    void rejected(YearMonth period, Consumer<Rejected> each) {
        jdbc.query(REJECTED, Map.of("period", period.toString()), (RowCallbackHandler) rs -> each.accept(
                new Rejected(rs.getString("ticket_id"), rs.getString("reason"), rs.getString("detail"))));
    }

    private static TicketResult result(ResultSet rs) throws SQLException {
        return new TicketResult(rs.getString("ticket_id"), rs.getString("account_id"), rs.getString("account_name"),
                rs.getString("customer_tier"), rs.getInt("severity"), rs.getString("category"),
                rs.getString("channel"), rs.getString("integration"), rs.getString("subject"),
                rs.getString("policy_version"), rs.getLong("ack_seconds"), rs.getLong("ack_target_seconds"),
                instant(rs, "ack_due_at"), rs.getString("ack_status"), rs.getString("ack_source"),
                rs.getLong("response_seconds"), rs.getLong("response_target_seconds"), instant(rs, "response_due_at"),
                rs.getString("response_status"), rs.getString("response_source"), instant(rs, "created_at"),
                instant(rs, "acknowledged_at"), instant(rs, "first_response_at"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
