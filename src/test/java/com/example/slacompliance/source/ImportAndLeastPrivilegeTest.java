package com.example.slacompliance.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.job.ExitCode;
import com.example.slacompliance.testing.PostgresDatabase;
import com.example.slacompliance.testing.Tickets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** --import on PostgreSQL, and the nightly job under a role that may only read tickets. */
class ImportAndLeastPrivilegeTest {

    @TempDir
    Path work;

    PostgresDatabase db;
    JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() {
        db = PostgresDatabase.fresh(getClass().getSimpleName());
        jdbc = db.jdbc();
    }

    int run(List<String> args) {
        return SlaComplianceApplication.run(args.toArray(String[]::new));
    }

    @Test
    void importCreatesTheTableUpsertsByTicketIdAndThenRuns() throws Exception {
        List<String> args = db.args(work.resolve("reports"), "--month=2026-10",
                "--import=" + Path.of("examples/helpdesk-export.csv").toAbsolutePath());
        assertThat(run(args)).isEqualTo(ExitCode.SUCCESS);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets", Integer.class)).isEqualTo(4);
        Map<String, Object> hd1002 = jdbc.queryForMap("SELECT * FROM tickets WHERE ticket_id = 'HD-1002'");
        assertThat(hd1002.get("subject")).isEqualTo("Slow dashboard\n(reported twice)");
        // a local time, read in Asia/Kolkata: 21:40 IST = 16:10 UTC
        assertThat(Tickets.instant(hd1002.get("created_at"))).isEqualTo(Instant.parse("2026-10-05T16:10:00Z"));
        assertThat(jdbc.queryForObject("SELECT account_name FROM tickets WHERE ticket_id = 'HD-1001'", String.class))
                .isEqualTo("Acme, Inc.");
        assertThat(jdbc.queryForList("SELECT ticket_id FROM sla_ticket_result ORDER BY ticket_id", String.class))
                .containsExactly("HD-1001", "HD-1002", "HD-1003", "HD-1004");

        // a second export with fewer columns: those are updated, the others stay; a new ticket gets nulls
        Path update = Files.writeString(work.resolve("update.csv"),
                "ticket_id,severity\nHD-1001,2\nHD-2000,3\n");
        assertThat(run(db.args(work.resolve("reports"), "--month=2026-10", "--import=" + update))).isEqualTo(0);
        Map<String, Object> hd1001 = jdbc.queryForMap("SELECT * FROM tickets WHERE ticket_id = 'HD-1001'");
        assertThat(((Number) hd1001.get("severity")).intValue()).isEqualTo(2);
        assertThat(hd1001.get("account_name")).isEqualTo("Acme, Inc.");
        assertThat(jdbc.queryForMap("SELECT * FROM tickets WHERE ticket_id = 'HD-2000'"))
                .containsEntry("customer_tier", null).containsEntry("closed_at", null);
        // the later run wins: one row, now severity 2
        assertThat(jdbc.queryForList("SELECT severity FROM sla_ticket_result WHERE ticket_id = 'HD-1001'", Short.class))
                .containsExactly((short) 2);
    }

    @Test
    void hostileTextAndExtremeInstantsAreStoredAndJudgedWithoutCrashing() throws Exception {
        String huge = "x".repeat(1_000_000);
        String text = "NUL\u0000gone \uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD \u202Eevil\u202C \u0007bell";
        Path file = work.resolve("hostile.csv");
        Files.writeString(file, "ticket_id,customer_tier,severity,subject,created_at,closed_at\n"
                + "H1,SME,3,\"" + text + "\",2026-10-10T10:00:00Z,2026-10-11T10:00:00Z\n"
                + "H2,SME,3," + huge + ",2026-10-10T10:00:00Z,2026-10-11T10:00:00Z\n"
                + "OLD,SMB,4,born before 1900,1850-01-01T10:00:00Z,2026-10-11T10:00:00Z\n"
                + "FUTURE,ENTERPRISE,2,closed in 2090,2090-05-01T10:00:00Z,2090-05-03T10:00:00Z\n");
        assertThat(run(db.args(work.resolve("reports"), "--month=2026-10", "--import=" + file))).isEqualTo(0);

        assertThat(jdbc.queryForObject("SELECT subject FROM sla_ticket_result WHERE ticket_id = 'H1'", String.class))
                .isEqualTo(text.replace("\u0000", ""));
        assertThat(jdbc.queryForObject("SELECT length(subject) FROM sla_ticket_result WHERE ticket_id = 'H2'",
                Integer.class)).isEqualTo(1_000_000);
        // created on 1 Jan 1850, answered on closing: 176 years of 14 h days (day by day outside the table)
        long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(1850, 1, 1),
                java.time.LocalDate.of(2026, 10, 11));
        // Kolkata kept local mean time (+05:53:28) in 1850: 10:00Z was 15:53:28, leaving 6:06:32 of desk time;
        // 2026-10-11T10:00Z is 15:30 (+05:30): 7:30 of that day's desk time were used
        assertThat(jdbc.queryForObject("SELECT response_seconds FROM sla_ticket_result WHERE ticket_id = 'OLD'",
                Long.class)).isEqualTo((days - 1) * 14 * 3600 + (6 * 3600 + 6 * 60 + 32) + (7 * 3600 + 1800));

        assertThat(run(db.args(work.resolve("reports"), "--month=2090-05"))).isEqualTo(0);
        assertThat(jdbc.queryForMap("SELECT period, response_seconds FROM sla_ticket_result WHERE ticket_id = 'FUTURE'"))
                .containsEntry("period", "2090-05").containsEntry("response_seconds", 2 * 86400L);
    }

    @Test
    void anUnreadableImportIsAUsageError() {
        assertThat(run(db.args(work.resolve("reports"), "--month=2026-10", "--import=" + work.resolve("missing.csv"))))
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void theNightlyJobRunsUnderARoleThatOnlyReadsTickets() {
        db.withTicketsTable();
        new Tickets(jdbc).insert("LP-1", "SME", 2, Instant.parse("2026-10-10T05:00:00Z"),
                Instant.parse("2026-10-10T05:10:00Z"), null, Instant.parse("2026-10-10T09:00:00Z"));
        String role = PostgresDatabase.PREFIX + "job";
        jdbc.execute("DROP ROLE IF EXISTS " + role);
        jdbc.execute("CREATE ROLE " + role + " LOGIN");
        jdbc.execute("CREATE SCHEMA sla AUTHORIZATION " + role);
        jdbc.execute("GRANT USAGE ON SCHEMA public TO " + role);
        jdbc.execute("GRANT SELECT ON public.tickets TO " + role);
        jdbc.execute("ALTER ROLE " + role + " IN DATABASE " + jdbc.queryForObject("SELECT current_database()", String.class)
                + " SET search_path = sla, public");
        jdbc.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        try {
            List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                    "--spring.datasource.username=" + role, "--sla.output-dir=" + work.resolve("reports"),
                    "--month=2026-10"));
            assertThat(run(args)).isEqualTo(ExitCode.SUCCESS);
            assertThat(jdbc.queryForObject("SELECT ack_status FROM sla.sla_ticket_result WHERE ticket_id = 'LP-1'",
                    String.class)).isEqualTo("MET");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_name LIKE 'sla_%'", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT has_table_privilege(?, 'public.tickets', 'INSERT')",
                    Boolean.class, role)).isFalse();
            // --import needs INSERT on tickets, which this role lacks: the run fails without touching the table
            args.add("--import=" + Path.of("examples/helpdesk-export.csv").toAbsolutePath());
            assertThat(run(args)).isEqualTo(ExitCode.FAILED);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets", Integer.class)).isEqualTo(1);
        } finally {
            jdbc.execute("DROP SCHEMA sla CASCADE");
            jdbc.execute("DROP OWNED BY " + role);
            jdbc.execute("DROP ROLE " + role);
        }
    }
}
