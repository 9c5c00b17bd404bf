package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.source.DemoTickets;
import com.example.slacompliance.testing.PostgresDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same tickets give the same figures on the embedded default (H2) and on PostgreSQL. */
class EmbeddedMatchesPostgresTest {

    static final String SUMMARY = """
            SELECT period, severity, customer_tier, tickets_closed, tickets_evaluated, ack_met, ack_breached,
                   response_met, response_breached, ack_compliance_pct, response_compliance_pct, ack_p50_seconds,
                   ack_p90_seconds, response_p50_seconds, response_p90_seconds
              FROM sla_compliance_summary ORDER BY severity, customer_tier""";
    static final String RESULTS = """
            SELECT ticket_id, period, severity, customer_tier, policy_version, ack_seconds, response_seconds,
                   ack_status, response_status, ack_source, response_source
              FROM sla_ticket_result ORDER BY ticket_id""";
    static final String REJECTS = "SELECT ticket_id, reason, detail FROM sla_rejected_ticket ORDER BY ticket_id";

    @TempDir
    Path work;

    @Test
    void demoMonthGivesIdenticalRowsOnH2AndPostgres() {
        String h2Url = "jdbc:h2:file:" + work.resolve("data/sla") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;USER=sa";
        assertThat(SlaComplianceApplication.run("--demo", "--month=2026-10", "--spring.datasource.url=" + h2Url,
                "--sla.output-dir=" + work.resolve("h2-reports"))).isEqualTo(0);
        JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource(h2Url));

        PostgresDatabase db = PostgresDatabase.fresh(getClass().getSimpleName()).withTicketsTable();
        JdbcTemplate pg = db.jdbc();
        pg.batchUpdate("""
                INSERT INTO tickets (ticket_id, account_id, account_name, customer_tier, severity, category, channel,
                    integration, subject, created_at, acknowledged_at, first_response_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                DemoTickets.generate(new ReportingPeriod(YearMonth.of(2026, 10), ZoneId.of("Asia/Kolkata"))));
        assertThat(SlaComplianceApplication.run(db.args(work.resolve("pg-reports"), "--month=2026-10")
                .toArray(String[]::new))).isEqualTo(0);

        List<Map<String, Object>> h2Summary = normalized(h2.queryForList(SUMMARY));
        assertThat(h2Summary).hasSize(16);
        assertThat(normalized(pg.queryForList(SUMMARY))).isEqualTo(h2Summary);
        List<Map<String, Object>> h2Results = normalized(h2.queryForList(RESULTS));
        assertThat(h2Results).hasSizeGreaterThan(2900);
        assertThat(normalized(pg.queryForList(RESULTS))).isEqualTo(h2Results);
        assertThat(normalized(pg.queryForList(REJECTS))).isEqualTo(normalized(h2.queryForList(REJECTS)))
                .isNotEmpty();
    }

    /** Numbers compared by value (H2 and PgJDBC pick different Java types for the same SQL type). */
    static List<Map<String, Object>> normalized(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> copy = new java.util.TreeMap<>();
            row.forEach((k, v) -> copy.put(k.toLowerCase(), v instanceof Number n
                    ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : v));
            return (Map<String, Object>) copy;
        }).toList();
    }
}
