package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.testing.BenchTickets;
import com.example.slacompliance.testing.Fingerprint;
import com.example.slacompliance.testing.JarProcess;
import com.example.slacompliance.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged jar as cron runs it, on 60,000 generated tickets of October 2026: exit codes, reruns,
 * kill -9, SIGTERM and a second run while one is in progress.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledRunIT {

    static PostgresDatabase db;
    static JdbcTemplate jdbc;
    static String published;

    @TempDir
    static Path work;

    @BeforeAll
    static void generateAMonthAndPublishIt() throws Exception {
        db = PostgresDatabase.fresh("ScheduledRunIT").withTicketsTable();
        jdbc = db.jdbc();
        BenchTickets.generate(jdbc, 60_000);
        assertThat(JarProcess.run(work, args())).isEqualTo(ExitCode.SUCCESS);
        published = Fingerprint.of(jdbc);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_ticket_result", Integer.class)).isGreaterThan(59_000);
    }

    static List<String> args(String... more) {
        return argsWithOutput(work.resolve("reports"), more);
    }

    static List<String> argsWithOutput(Path output, String... more) {
        List<String> args = new ArrayList<>(db.args(output, "--month=2026-10"));
        args.addAll(List.of(more));
        return args;
    }

    /** Slow enough to be caught in the middle of the evaluate step. */
    static List<String> slowArgs(String... more) {
        List<String> args = args("--sla.chunk-size=50");
        args.addAll(List.of(more));
        return args;
    }

    static long lastExecution() {
        Long id = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        return id == null ? 0 : id;
    }

    /** Whether a run started after execution {@code after} is in its evaluate step, a few chunks in. */
    static boolean evaluating(long after) {
        Integer commits = jdbc.queryForObject("""
                SELECT coalesce(max(commit_count), 0) FROM batch_step_execution
                 WHERE step_name LIKE 'evaluateSlice%' AND status = 'STARTED' AND job_execution_id > ?""", Integer.class, after);
        return commits != null && commits >= 3;
    }

    @Test
    @Order(1)
    void aRerunPublishesIdenticalRows() throws Exception {
        assertThat(JarProcess.run(work, args())).isEqualTo(ExitCode.SUCCESS);
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
        assertThat(Files.readString(work.resolve("reports/2026-10/run-summary.json")))
                .contains("\"period\": \"2026-10\"", "\"exit_code\": 0", "\"read\": 60000");
    }

    @Test
    @Order(2)
    void killDashNineDuringEvaluateLeavesThePublishedMonthAndTheRerunEqualsACleanRun() throws Exception {
        long before = lastExecution();
        JarProcess run = JarProcess.start(work, slowArgs());
        run.await("the evaluate step to commit chunks", () -> evaluating(before));
        run.kill();

        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
        Long dead = jdbc.queryForObject(
                "SELECT max(job_execution_id) FROM batch_job_execution WHERE status = 'STARTED'", Long.class);
        assertThat(dead).as("the killed run is left STARTED").isNotNull();

        JarProcess rerun = JarProcess.start(work, args());
        assertThat(rerun.exitCode()).as(rerun.output()).isEqualTo(ExitCode.SUCCESS);
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                String.class, dead)).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("SELECT status FROM batch_step_execution WHERE job_execution_id = ?",
                String.class, dead)).doesNotContain("STARTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_ticket_result_stage", Integer.class)).isZero();
    }

    @Test
    @Order(3)
    void sigtermStopsAtAChunkBoundaryWithExitOneAndTheNextRunCompletes() throws Exception {
        long before = lastExecution();
        JarProcess run = JarProcess.start(work, slowArgs());
        run.await("the evaluate step to commit chunks", () -> evaluating(before));
        run.terminate();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FAILED);
        assertThat(run.output()).contains("stopped by a signal");
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
        assertThat(Files.readString(work.resolve("reports/2026-10/run-summary.json"))).contains("\"exit_code\": 1");

        assertThat(JarProcess.run(work, args())).isEqualTo(ExitCode.SUCCESS);
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
    }

    @Test
    @Order(4)
    void losingTheDatabaseMidEvaluateFailsWithExitOneAndTheNextRunIsExact() throws Exception {
        long before = lastExecution();
        JarProcess run = JarProcess.start(work, slowArgs());
        run.await("the evaluate step to commit chunks", () -> evaluating(before));
        jdbc.queryForList("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid()""");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FAILED);
        assertThat(run.output()).contains("sla-compliance 2026-10: FAILED").doesNotContain("\tat ");
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);

        assertThat(JarProcess.run(work, args())).isEqualTo(ExitCode.SUCCESS);
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
    }

    @Test
    @Order(5)
    void aSecondRunWhileOneIsInProgressExitsFourAndDisturbsNothing() throws Exception {
        long before = lastExecution();
        JarProcess first;
        // the first run waits at publish for this lock, however fast it evaluates, until the second has tried
        try (java.sql.Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE sla_compliance_summary IN ACCESS EXCLUSIVE MODE");
            first = JarProcess.start(work, slowArgs());
            first.await("the first run to be evaluating", () -> evaluating(before));

            JarProcess second = JarProcess.start(work, args());
            assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCode.BUSY);
            assertThat(second.output()).contains("another sla-compliance run");
            holder.rollback();
        }

        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCode.SUCCESS);
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
    }

    @Test
    @Order(6)
    void complianceUnderTheGateExitsThreeAndTooMuchBadDataExitsOneWithoutPublishing() throws Exception {
        // about 8 % of acknowledgments are late: every severity is under 99 %
        assertThat(JarProcess.run(work, args("--fail-under=99"))).isEqualTo(ExitCode.BELOW_GATE);
        assertThat(JarProcess.run(work, args("--fail-under=50"))).isEqualTo(ExitCode.SUCCESS);

        // 0.5 % of the rows have a bad severity
        JarProcess guarded = JarProcess.start(work, args("--sla.max-reject-ratio=0.001", "--fail-under=99"));
        assertThat(guarded.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(guarded.output()).contains("UNKNOWN_SEVERITY", "nothing published");
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);
    }

    @Test
    @Order(7)
    void usageAndConfigurationErrorsExitTwoWithOneLineAndNoStackTrace() throws Exception {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        List<List<String>> bad = List.of(
                args("--month=2026-13"),
                args("--sla.zone=Mars/Olympus"),
                args("--frobnicate"),
                List.of("--month=2026-10", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                        "--spring.datasource.password=s3cret"),
                argsWithOutput(file.resolve("reports")),
                args("--demo"));
        for (List<String> arguments : bad) {
            JarProcess run = JarProcess.start(work, arguments);
            assertThat(run.exitCode()).as(arguments + "\n" + run.output()).isEqualTo(ExitCode.USAGE);
            assertThat(run.output()).as(arguments.toString())
                    .doesNotContain("\tat ", "Exception in thread", "s3cret").contains("sla-compliance: ");
        }
        assertThat(Fingerprint.of(jdbc)).isEqualTo(published);

        PostgresDatabase empty = PostgresDatabase.fresh("ScheduledRunIT_empty");
        JarProcess missing = JarProcess.start(work, empty.args(work.resolve("reports"), "--month=2026-10"));
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.output()).contains("'tickets' not found", "sql/tickets.sql").doesNotContain("\tat ");
    }
}
