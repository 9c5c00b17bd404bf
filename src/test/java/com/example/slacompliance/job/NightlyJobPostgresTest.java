package com.example.slacompliance.job;

import static com.example.slacompliance.testing.Tickets.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.testing.BenchTickets;
import com.example.slacompliance.testing.Fingerprint;
import com.example.slacompliance.testing.PostgresDatabase;
import com.example.slacompliance.testing.Tickets;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The real job against the machine's PostgreSQL: the three published tables, row by row. */
class NightlyJobPostgresTest {


    @TempDir
    Path output;

    PostgresDatabase db;
    JdbcTemplate jdbc;
    Tickets tickets;

    @BeforeEach
    void freshDatabase() {
        db = PostgresDatabase.fresh(getClass().getSimpleName()).withTicketsTable();
        jdbc = db.jdbc();
        tickets = new Tickets(jdbc);
    }

    int run(String... args) {
        return SlaComplianceApplication.run(db.args(output, args).toArray(String[]::new));
    }

    Map<String, Object> result(String ticketId) {
        return jdbc.queryForMap("SELECT * FROM sla_ticket_result WHERE ticket_id = ?", ticketId);
    }

    @Test
    void workedExamplesEndToEnd() {
        // Mon 2026-11-02, Tue 2026-11-03 in Kolkata
        tickets.insert("W1", "SME", 1, at("2026-11-02T21:50"), at("2026-11-03T08:15"), null, at("2026-11-03T12:00"));
        tickets.insert("W2", " sme ", 2, at("2026-11-02T23:30"), at("2026-11-03T08:31"), null, at("2026-11-03T12:00"));
        tickets.insert("W3", "SMB", 1, at("2026-11-02T06:00"), at("2026-11-02T07:59"), null, at("2026-11-02T12:00"));
        tickets.insert("W4", "smb", 3, at("2026-11-02T10:00"), null, at("2026-11-03T20:00"), at("2026-11-03T21:00"));
        tickets.insert("W5", "Enterprise", 2, at("2026-11-02T23:30"), at("2026-11-03T00:05"), null, at("2026-11-03T12:00"));
        tickets.insert("W6", "SME", 1, at("2026-11-02T21:30"), at("2026-11-02T23:00"), null, at("2026-11-03T12:00"));
        tickets.insert("W7", "SME", 2, at("2026-11-02T11:00"), null, null, at("2026-11-02T11:10"));

        assertThat(run("--month=2026-11")).isEqualTo(0);

        Map<String, Object> w1 = result("W1");
        assertThat(w1).containsEntry("ack_seconds", 1500L).containsEntry("ack_status", "MET")
                .containsEntry("ack_source", "ACKNOWLEDGED").containsEntry("customer_tier", "SME")
                .containsEntry("period", "2026-11").containsEntry("policy_version", "default");
        assertThat(Tickets.instant(w1.get("ack_due_at"))).isEqualTo(at("2026-11-03T08:20"));
        assertThat(Tickets.instant(w1.get("response_due_at"))).isEqualTo(at("2026-11-03T09:50"));
        assertThat(result("W2")).containsEntry("ack_seconds", 1860L).containsEntry("ack_status", "BREACHED")
                .containsEntry("customer_tier", "SME");
        assertThat(Tickets.instant(result("W2").get("ack_due_at"))).isEqualTo(at("2026-11-03T08:30"));
        assertThat(result("W3")).containsEntry("ack_seconds", 0L).containsEntry("ack_status", "MET");
        assertThat(result("W4")).containsEntry("response_seconds", 86400L).containsEntry("response_status", "MET")
                .containsEntry("response_source", "RESPONDED").containsEntry("ack_source", "RESPONDED");
        assertThat(Tickets.instant(result("W4").get("response_due_at"))).isEqualTo(at("2026-11-03T20:00"));
        assertThat(result("W5")).containsEntry("ack_seconds", 2100L).containsEntry("ack_status", "BREACHED")
                .containsEntry("customer_tier", "ENTERPRISE");
        assertThat(result("W6")).containsEntry("ack_seconds", 1800L).containsEntry("ack_status", "MET");
        assertThat(Tickets.instant(result("W6").get("ack_due_at"))).isEqualTo(at("2026-11-02T22:00"));
        assertThat(result("W7")).containsEntry("ack_seconds", 600L).containsEntry("response_seconds", 600L)
                .containsEntry("ack_source", "CLOSED").containsEntry("response_source", "CLOSED")
                .containsEntry("ack_status", "MET").containsEntry("response_status", "MET");
        assertThat(Tickets.instant(result("W7").get("created_at"))).isEqualTo(at("2026-11-02T11:00"));
        assertThat(Tickets.instant(result("W7").get("acknowledged_at"))).isNull();
    }

    @Test
    void monthIsTheReportingZonesMonthNotUtcs() {
        tickets.insert("NOV", "ENTERPRISE", 3, Instant.parse("2026-10-31T12:00:00Z"), null, null,
                Instant.parse("2026-10-31T18:31:00Z")); // 00:01 on 1 November in Kolkata
        tickets.insert("OCT", "ENTERPRISE", 3, Instant.parse("2026-10-31T12:00:00Z"), null, null,
                Instant.parse("2026-10-31T18:29:59Z")); // 23:59:59 on 31 October in Kolkata

        assertThat(run("--month=2026-11")).isEqualTo(0);
        assertThat(ids("SELECT ticket_id FROM sla_ticket_result WHERE period = '2026-11'")).containsExactly("NOV");
        assertThat(run("--month=2026-10")).isEqualTo(0);
        assertThat(ids("SELECT ticket_id FROM sla_ticket_result WHERE period = '2026-10'")).containsExactly("OCT");
    }

    @Test
    void badRowsAreRejectedWithTheFirstReasonThatApplies() {
        Instant closed = at("2026-11-10T12:00");
        tickets.insert("R1", "GOLD", 9, null, null, null, closed);                        // all three wrong: created first
        tickets.insert("R2", "GOLD", 9, at("2026-11-10T10:00"), null, null, closed);     // severity before tier
        tickets.insert("R3", "GOLD", 2, at("2026-11-10T10:00"), null, null, closed);
        tickets.insert("R4", "SMB", null, at("2026-11-10T10:00"), null, null, closed);
        tickets.insert("R5", "SMB", 2, at("2026-11-10T10:00"), at("2026-11-10T09:00"), null, closed);
        tickets.insert("OK", "SMB", 2, at("2026-11-10T10:00"), at("2026-11-10T10:10"), null, closed);

        assertThat(run("--month=2026-11", "--sla.max-reject-ratio=1")).isEqualTo(0);

        Map<String, String> reasons = new java.util.TreeMap<>();
        jdbc.query("SELECT ticket_id, reason, detail, period FROM sla_rejected_ticket", rs -> {
            reasons.put(rs.getString("ticket_id"), rs.getString("reason"));
            assertThat(rs.getString("period")).isEqualTo("2026-11");
            assertThat(rs.getString("detail")).isNotBlank();
        });
        assertThat(reasons).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "R1", "MISSING_CREATED_AT", "R2", "UNKNOWN_SEVERITY", "R3", "UNKNOWN_TIER", "R4", "UNKNOWN_SEVERITY",
                "R5", "TIMESTAMP_BEFORE_CREATED")));
        assertThat(jdbc.queryForObject("SELECT detail FROM sla_rejected_ticket WHERE ticket_id = 'R5'", String.class))
                .contains("acknowledged_at");
        assertThat(ids("SELECT ticket_id FROM sla_ticket_result")).containsExactly("OK");
        assertThat(jdbc.queryForObject("SELECT tickets_closed FROM sla_compliance_summary "
                + "WHERE period = '2026-11' AND severity = 2 AND customer_tier = 'ALL'", Integer.class)).isEqualTo(1);
    }

    @Test
    void summaryHasAllSixteenRowsWithRoundedPercentagesAndPercentiles() {
        // 32 Enterprise sev 1 tickets, 29 acknowledged in 10 min and 3 in 40 min: 29/32 = 90.625 % -> 90.63
        for (int i = 0; i < 32; i++) {
            Instant created = at("2026-11-05T10:00").plusSeconds(60L * i);
            long ack = i < 3 ? 2400 : 600;
            tickets.insert("E" + i, "ENTERPRISE", 1, created, created.plusSeconds(ack), created.plusSeconds(3600),
                    created.plusSeconds(7200));
        }
        // one exempt SME sev 1 (integration without targets): counted closed, not evaluated
        tickets.insert("X1", "SME", 1, "AcmeCRM", at("2026-11-05T10:00"), at("2026-11-05T12:00"), null,
                at("2026-11-05T13:00"));

        assertThat(run("--month=2026-11")).isEqualTo(0);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM sla_compliance_summary WHERE period = '2026-11' ORDER BY severity, customer_tier");
        assertThat(rows).hasSize(16);
        Map<String, Object> ent = row(rows, 1, "ENTERPRISE");
        assertThat(ent).containsEntry("tickets_closed", 32).containsEntry("tickets_evaluated", 32)
                .containsEntry("ack_met", 29).containsEntry("ack_breached", 3)
                .containsEntry("response_met", 32).containsEntry("response_breached", 0);
        assertThat((BigDecimal) ent.get("ack_compliance_pct")).isEqualByComparingTo("90.63");
        assertThat((BigDecimal) ent.get("response_compliance_pct")).isEqualByComparingTo("100.00");
        // 32 values: 29 x 600 and 3 x 2400; p50 = 600; p90 at rank 0.9*31 = 27.9 -> between the 28th and 29th (0-based 27, 28): 600
        assertThat((Double) ent.get("ack_p50_seconds")).isEqualTo(600.0);
        assertThat((Double) ent.get("ack_p90_seconds")).isEqualTo(600.0);
        Map<String, Object> sme = row(rows, 1, "SME");
        assertThat(sme).containsEntry("tickets_closed", 1).containsEntry("tickets_evaluated", 0)
                .containsEntry("ack_met", 0);
        assertThat(sme.get("ack_compliance_pct")).isNull();
        assertThat(sme.get("ack_p50_seconds")).isNull();
        Map<String, Object> all = row(rows, 1, "ALL");
        assertThat(all).containsEntry("tickets_closed", 33).containsEntry("tickets_evaluated", 32);
        assertThat((BigDecimal) all.get("ack_compliance_pct")).isEqualByComparingTo("90.63");
        Map<String, Object> empty = row(rows, 4, "SMB");
        assertThat(empty).containsEntry("tickets_closed", 0);
        assertThat(empty.get("response_compliance_pct")).isNull();
        assertThat(jdbc.queryForObject("SELECT exempt FROM (SELECT count(*) AS exempt FROM sla_ticket_result "
                + "WHERE ack_status = 'EXEMPT' AND response_status = 'EXEMPT') x", Integer.class)).isEqualTo(1);
        assertThat(output.resolve("2026-11/run-summary.json")).content()
                .contains("\"read\": 33,", "\"evaluated\": 32,", "\"exempt\": 1,", "\"rejected\": 0,");
    }

    @Test
    void percentilesInterpolateLinearly() {
        // Enterprise sev 3 acks of 100, 200, 300, 400 s: p50 = 250, p90 = 370 (PERCENTILE.INC)
        for (int i = 1; i <= 4; i++) {
            Instant created = at("2026-11-06T10:00").plusSeconds(3600L * i);
            tickets.insert("P" + i, "ENTERPRISE", 3, created, created.plusSeconds(100L * i), null,
                    created.plusSeconds(4000));
        }
        assertThat(run("--month=2026-11")).isEqualTo(0);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM sla_compliance_summary "
                + "WHERE period = '2026-11' AND severity = 3 AND customer_tier = 'ENTERPRISE'");
        assertThat((Double) row.get("ack_p50_seconds")).isEqualTo(250.0);
        assertThat((Double) row.get("ack_p90_seconds")).isCloseTo(370.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) row.get("response_p50_seconds")).isEqualTo(4000.0);
    }

    /** PostgreSQL's own percentile_cont and counts over the published results, per severity (or all) and tier (or ALL). */
    static final String ORACLE = """
            SELECT count(*) AS tickets_closed,
                   count(*) FILTER (WHERE ack_status <> 'EXEMPT') AS tickets_evaluated,
                   count(*) FILTER (WHERE ack_status = 'MET') AS ack_met,
                   count(*) FILTER (WHERE ack_status = 'BREACHED') AS ack_breached,
                   count(*) FILTER (WHERE response_status = 'MET') AS response_met,
                   count(*) FILTER (WHERE response_status = 'BREACHED') AS response_breached,
                   count(*) FILTER (WHERE 'BREACHED' IN (ack_status, response_status)) AS with_breach,
                   round(100.0 * count(*) FILTER (WHERE ack_status = 'MET')
                         / nullif(count(*) FILTER (WHERE ack_status <> 'EXEMPT'), 0), 2) AS ack_pct,
                   round(100.0 * count(*) FILTER (WHERE response_status = 'MET')
                         / nullif(count(*) FILTER (WHERE response_status <> 'EXEMPT'), 0), 2) AS response_pct,
                   round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_seconds)
                              FILTER (WHERE ack_status <> 'EXEMPT') AS numeric), 3) AS ack_p50,
                   round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY ack_seconds)
                              FILTER (WHERE ack_status <> 'EXEMPT') AS numeric), 3) AS ack_p90,
                   round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY response_seconds)
                              FILTER (WHERE response_status <> 'EXEMPT') AS numeric), 3) AS response_p50,
                   round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY response_seconds)
                              FILTER (WHERE response_status <> 'EXEMPT') AS numeric), 3) AS response_p90
              FROM sla_ticket_result
             WHERE period = '2026-10' AND (severity = ? OR ? = 0) AND (customer_tier = ? OR ? = 'ALL')""";

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void summaryAndTotalsMatchPostgresOwnPercentilesOnTheBenchmarkMix(CapturedOutput output) throws Exception {
        BenchTickets.generate(jdbc, 20_000);
        assertThat(run("--month=2026-10", "--logging.level.com.example.slacompliance.summary=DEBUG")).isEqualTo(0);
        // the figures below are those of the summary kept while evaluating, not of the staged rows read back
        assertThat(output).contains("the summary of its 20000 staged judgements was kept while they were staged");

        for (String tier : List.of("ENTERPRISE", "SME", "SMB", "ALL")) {
            for (int severity = 0; severity <= 4; severity++) {
                Map<String, Object> expected = jdbc.queryForMap(ORACLE, severity, severity, tier, tier);
                Map<String, Object> actual = severity == 0
                        ? jdbc.queryForMap("SELECT * FROM sla_compliance_total WHERE period = '2026-10' "
                                + "AND customer_tier = ?", tier)
                        : jdbc.queryForMap("SELECT * FROM sla_compliance_summary WHERE period = '2026-10' "
                                + "AND severity = ? AND customer_tier = ?", severity, tier);
                String group = "severity " + severity + " " + tier;
                assertThat(((Number) expected.get("tickets_closed")).longValue()).as(group).isPositive();
                for (String count : List.of("tickets_closed", "tickets_evaluated", "ack_met", "ack_breached",
                        "response_met", "response_breached")) {
                    assertThat(((Number) actual.get(count)).longValue()).as(group + " " + count)
                            .isEqualTo(((Number) expected.get(count)).longValue());
                }
                assertThat(((Number) actual.get("tickets_with_breach")).longValue()).as(group)
                        .isEqualTo(((Number) expected.get("with_breach")).longValue());
                assertThat((BigDecimal) actual.get("ack_compliance_pct")).as(group)
                        .isEqualByComparingTo((BigDecimal) expected.get("ack_pct"));
                assertThat((BigDecimal) actual.get("response_compliance_pct")).as(group)
                        .isEqualByComparingTo((BigDecimal) expected.get("response_pct"));
                for (String p : List.of("ack_p50", "ack_p90", "response_p50", "response_p90")) {
                    assertThat((Double) actual.get(p + "_seconds")).as(group + " " + p)
                            .isEqualTo(((BigDecimal) expected.get(p)).doubleValue());
                }
            }
        }
    }

    @Test
    void rerunReplacesTheMonthWithoutDuplicates() {
        tickets.insert("A", "SME", 2, at("2026-11-10T10:00"), at("2026-11-10T10:10"), null, at("2026-11-10T12:00"));
        tickets.insert("B", "SMB", 9, at("2026-11-10T10:00"), null, null, at("2026-11-10T12:00"));
        assertThat(run("--month=2026-11", "--sla.max-reject-ratio=1")).isEqualTo(0);
        String first = fingerprint();
        long firstExecution = jdbc.queryForObject("SELECT job_execution_id FROM sla_ticket_result", Long.class);

        assertThat(run("--month=2026-11", "--sla.max-reject-ratio=1")).isEqualTo(0);

        assertThat(fingerprint()).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_ticket_result", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_rejected_ticket", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_compliance_summary", Integer.class)).isEqualTo(16);
        assertThat(jdbc.queryForObject("SELECT job_execution_id FROM sla_ticket_result", Long.class))
                .isGreaterThan(firstExecution);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_ticket_result_stage", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_attrdef WHERE adrelid = 'sla_ticket_result_2026_11'::regclass",
                Integer.class)).as("the staging partition's defaults are dropped when it is published").isZero();
    }

    @Test
    void slicesOfTheMonthHoldAboutAsManyTicketsEachByThePlannersStatistics() {
        // 3,000 tickets, most of them closed in the month's first days ((i / 3000) cubed of its 30 days)
        jdbc.execute("""
                INSERT INTO tickets (ticket_id, customer_tier, severity, created_at, closed_at)
                SELECT 'S' || i, 'ENTERPRISE', 3, c - interval '1 hour', c
                  FROM generate_series(0, 2999) i,
                       LATERAL (SELECT timestamptz '2026-10-31 18:30:00+00'
                                       + power(i / 3000.0, 3) * interval '30 days' AS c) x""");
        freshStatisticsOfTickets(3000);
        assertThat(run("--month=2026-11", "--sla.threads=2")).isEqualTo(0);

        List<Long> reads = jdbc.queryForList("SELECT read_count FROM batch_step_execution "
                + "WHERE step_name LIKE 'evaluateSlice:%' ORDER BY step_name", Long.class);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0) + reads.get(1)).isEqualTo(3000);
        assertThat(reads.get(0)).as("equal halves of time would give the first 2,381").isBetween(1350L, 1650L);
    }

    /** ANALYZE once PostgreSQL counts the inserted tickets as changes (its backends report them a little later). */
    private void freshStatisticsOfTickets(int inserted) {
        String changed = "SELECT coalesce(sum(n_mod_since_analyze), 0) FROM pg_stat_user_tables WHERE relname = 'tickets'";
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject(changed, Long.class) < inserted && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        jdbc.execute("ANALYZE tickets");
        assertThat(jdbc.queryForObject(changed, Long.class)).as("no change since ANALYZE").isZero();
    }

    @Test
    void aTicketThatMovesMonthEndsUpOnlyInItsLatestMonth() {
        tickets.insert("M", "ENTERPRISE", 3, at("2026-10-20T10:00"), at("2026-10-20T10:05"), null,
                at("2026-10-25T10:00"));
        assertThat(run("--month=2026-10")).isEqualTo(0);
        assertThat(result("M")).containsEntry("period", "2026-10");

        // reopened and closed again in November
        jdbc.update("UPDATE tickets SET closed_at = ? WHERE ticket_id = 'M'",
                at("2026-11-02T10:00").atOffset(java.time.ZoneOffset.UTC));
        assertThat(run("--month=2026-11")).isEqualTo(0);

        assertThat(jdbc.queryForList("SELECT period FROM sla_ticket_result WHERE ticket_id = 'M'", String.class))
                .containsExactly("2026-11");
    }

    @Test
    void aRejectedTicketThatMovesMonthLeavesTheRejectsOfItsEarlierMonth() {
        tickets.insert("R", "ENTERPRISE", 9, at("2026-10-20T10:00"), at("2026-10-20T10:05"), null,
                at("2026-10-25T10:00"));
        tickets.insert("KEPT", "ENTERPRISE", 9, at("2026-10-21T10:00"), null, null, at("2026-10-26T10:00"));
        for (int i = 0; i < 40; i++) { // good tickets, so that two rejects stay under the reject guard's 5 %
            tickets.insert("G" + i, "ENTERPRISE", 3, at("2026-10-22T10:00"), at("2026-10-22T10:05"), null,
                    at("2026-10-27T10:00"));
        }
        assertThat(run("--month=2026-10")).isEqualTo(0);
        assertThat(jdbc.queryForList("SELECT ticket_id FROM sla_rejected_ticket ORDER BY 1", String.class))
                .containsExactly("KEPT", "R");

        // severity corrected, reopened and closed again in November
        jdbc.update("UPDATE tickets SET severity = 3, closed_at = ? WHERE ticket_id = 'R'",
                at("2026-11-02T10:00").atOffset(java.time.ZoneOffset.UTC));
        assertThat(run("--month=2026-11")).isEqualTo(0);

        assertThat(jdbc.queryForList("SELECT ticket_id FROM sla_rejected_ticket", String.class)).containsExactly("KEPT");
        assertThat(result("R")).containsEntry("period", "2026-11");
    }

    @Test
    void ticketsThatMoveIntoAMonthPublishedBeforeLeaveTheirEarlierMonth() {
        tickets.insert("MOVES", "ENTERPRISE", 3, at("2026-10-20T10:00"), at("2026-10-20T10:05"), null,
                at("2026-10-25T10:00"));
        tickets.insert("KEPT", "ENTERPRISE", 3, at("2026-10-20T10:00"), at("2026-10-20T10:05"), null,
                at("2026-10-25T10:00"));
        tickets.insert("BAD", "ENTERPRISE", 9, at("2026-10-20T10:00"), at("2026-10-20T10:05"), null,
                at("2026-10-25T10:00"));
        tickets.insert("TURNS_BAD", "ENTERPRISE", 3, at("2026-10-20T10:00"), at("2026-10-20T10:05"), null,
                at("2026-10-25T10:00"));
        tickets.insert("NOVEMBER", "ENTERPRISE", 3, at("2026-11-02T10:00"), at("2026-11-02T10:05"), null,
                at("2026-11-03T10:00"));
        assertThat(run("--month=2026-10", "--sla.max-reject-ratio=1")).isEqualTo(0);
        assertThat(run("--month=2026-11", "--sla.max-reject-ratio=1")).isEqualTo(0);

        // reopened and closed again in November, which has been published since
        jdbc.update("UPDATE tickets SET closed_at = ? WHERE ticket_id IN ('MOVES', 'BAD')",
                at("2026-11-05T10:00").atOffset(java.time.ZoneOffset.UTC));
        jdbc.update("UPDATE tickets SET severity = 7, closed_at = ? WHERE ticket_id = 'TURNS_BAD'",
                at("2026-11-05T10:00").atOffset(java.time.ZoneOffset.UTC));
        assertThat(run("--month=2026-11", "--sla.max-reject-ratio=1")).isEqualTo(0);

        assertThat(published("sla_ticket_result")).containsExactly(
                "KEPT 2026-10", "MOVES 2026-11", "NOVEMBER 2026-11");
        assertThat(published("sla_rejected_ticket")).containsExactly("BAD 2026-11", "TURNS_BAD 2026-11");
    }

    @Test
    void aTicketWhoseClosingIsCorrectedBackIntoAnEarlierPublishedMonthLeavesTheLaterOne() {
        tickets.insert("CORRECTED", "ENTERPRISE", 3, at("2026-10-28T10:00"), at("2026-10-28T10:05"), null,
                at("2026-11-02T10:00"));
        tickets.insert("OCTOBER", "ENTERPRISE", 3, at("2026-10-20T10:00"), at("2026-10-20T10:05"), null,
                at("2026-10-25T10:00"));
        assertThat(run("--month=2026-11")).isEqualTo(0);
        assertThat(run("--month=2026-10")).isEqualTo(0);

        jdbc.update("UPDATE tickets SET closed_at = ? WHERE ticket_id = 'CORRECTED'",
                at("2026-10-30T10:00").atOffset(java.time.ZoneOffset.UTC));
        assertThat(run("--month=2026-10")).isEqualTo(0);

        assertThat(published("sla_ticket_result")).containsExactly("CORRECTED 2026-10", "OCTOBER 2026-10");
    }

    /** "ticket period" of each row of a published table, in order. */
    List<String> published(String table) {
        return jdbc.queryForList("SELECT ticket_id || ' ' || period FROM " + table + " ORDER BY 1", String.class);
    }

    @Test
    void aMissingSourceTableIsAClearErrorAndNothingIsCreated() {
        jdbc.execute("DROP TABLE tickets");
        assertThat(run("--month=2026-11")).isEqualTo(ExitCode.USAGE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 'tickets'",
                Integer.class)).isZero();
    }

    @Test
    void demoIsRefusedOnAConfiguredDatabase() {
        assertThat(run("--month=2026-11", "--demo")).isEqualTo(ExitCode.USAGE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets", Integer.class)).isZero();
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, int severity, String tier) {
        return rows.stream().filter(r -> ((Number) r.get("severity")).intValue() == severity
                && tier.equals(r.get("customer_tier"))).findFirst().orElseThrow();
    }

    List<String> ids(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    String fingerprint() {
        return Fingerprint.of(jdbc);
    }
}
