package com.example.slacompliance.workbook;

import static com.example.slacompliance.testing.Tickets.KOLKATA;
import static com.example.slacompliance.testing.Tickets.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.job.ExitCode;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.testing.PostgresDatabase;
import com.example.slacompliance.testing.Tickets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The workbook and the CSV are replaced whole or not at all: a run that fails while writing them leaves
 * the previous files byte for byte, and no temporary file behind (neither beside them nor POI's own).
 */
class WorkbookReplacementTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    static Path output;

    static PostgresDatabase db;
    static JdbcTemplate jdbc;
    static Path folder;

    @BeforeAll
    static void publishNovember() {
        db = PostgresDatabase.fresh("wb_workbook_replacement").withTicketsTable();
        jdbc = db.jdbc();
        Tickets tickets = new Tickets(jdbc);
        for (int i = 0; i < 30; i++) {
            Instant created = at("2026-11-05T10:00").plusSeconds(600L * i);
            tickets.insert("T" + i, i % 2 == 0 ? "ENTERPRISE" : "SME", 1 + i % 4, created,
                    created.plusSeconds(i % 3 == 0 ? 2400 : 300), created.plusSeconds(3600), created.plusSeconds(7200));
        }
        assertThat(run("--month=2026-11")).isZero();
        folder = output.resolve("2026-11");
    }

    static int run(String... args) {
        return SlaComplianceApplication.run(db.args(output, args).toArray(String[]::new));
    }

    @Test
    void aRunThatFailsWhileWritingLeavesThePreviousFilesAsTheyWere() throws IOException {
        byte[] workbook = Files.readAllBytes(folder.resolve("sla-compliance-2026-11.xlsx"));
        byte[] csv = Files.readAllBytes(folder.resolve("severity4-2026-11.csv"));
        Set<Path> poiTemp = poiTempFiles();
        Set<Path> keptRows = keptRowFiles();
        // a summary row of a month that is no month, in the Trend's range: the run publishes, then its
        // workbook fails at the third sheet
        jdbc.update("INSERT INTO sla_compliance_summary (period, severity, customer_tier, tickets_closed,"
                + " tickets_evaluated, ack_met, ack_breached, response_met, response_breached, job_execution_id)"
                + " VALUES ('2026-10x', 1, 'ALL', 0, 0, 0, 0, 0, 0, 0)");
        try {
            assertThat(run("--month=2026-11")).isEqualTo(ExitCode.FAILED);
        } finally {
            jdbc.update("DELETE FROM sla_compliance_summary WHERE period = '2026-10x'");
        }

        assertThat(Files.readAllBytes(folder.resolve("sla-compliance-2026-11.xlsx"))).isEqualTo(workbook);
        assertThat(Files.readAllBytes(folder.resolve("severity4-2026-11.csv"))).isEqualTo(csv);
        assertThat(filesIn(folder)).containsExactlyInAnyOrder("sla-compliance-2026-11.xlsx", "severity4-2026-11.csv",
                "run-summary.json");
        assertThat(Files.readString(folder.resolve("run-summary.json"))).contains("\"exit_code\": 1");
        assertThat(poiTempFiles()).isSubsetOf(poiTemp);
        assertThat(keptRowFiles()).isSubsetOf(keptRows);
    }

    /** The workbook is written while the month is published: a publish that fails throws it away. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRunWhosePublishFailsLeavesThePreviousFilesAsTheyWere(CapturedOutput log) throws IOException {
        byte[] workbook = Files.readAllBytes(folder.resolve("sla-compliance-2026-11.xlsx"));
        byte[] csv = Files.readAllBytes(folder.resolve("severity4-2026-11.csv"));
        Set<Path> poiTemp = poiTempFiles();
        Set<Path> keptRows = keptRowFiles();
        jdbc.execute("ALTER TABLE sla_compliance_summary ADD CONSTRAINT no_november CHECK (period <> '2026-11')"
                + " NOT VALID");
        try {
            assertThat(run("--month=2026-11", "--logging.level.com.example.slacompliance.workbook=DEBUG"))
                    .isEqualTo(ExitCode.FAILED);
        } finally {
            jdbc.execute("ALTER TABLE sla_compliance_summary DROP CONSTRAINT no_november");
        }

        assertThat(log.getOut()).containsPattern("workbook 2026-11: from what run \\d+ staged to publish");
        assertThat(log.getOut()).contains("step publish: FAILED");
        assertThat(Files.readAllBytes(folder.resolve("sla-compliance-2026-11.xlsx"))).isEqualTo(workbook);
        assertThat(Files.readAllBytes(folder.resolve("severity4-2026-11.csv"))).isEqualTo(csv);
        assertThat(filesIn(folder)).containsExactlyInAnyOrder("sla-compliance-2026-11.xlsx", "severity4-2026-11.csv",
                "run-summary.json");
        assertThat(poiTempFiles()).isSubsetOf(poiTemp);
        assertThat(keptRowFiles()).isSubsetOf(keptRows);
    }

    @Test
    void aWorkbookThatFailsInTheMiddleOfItsListsLeavesThePreviousFilesAsTheyWere() throws IOException {
        byte[] workbook = Files.readAllBytes(folder.resolve("sla-compliance-2026-11.xlsx"));
        byte[] csv = Files.readAllBytes(folder.resolve("severity4-2026-11.csv"));
        Set<Path> poiTemp = poiTempFiles();
        // the Severity 4 list of the published rows reads this view: it fails after the first four sheets
        jdbc.execute("DROP VIEW sla_severity4_request");
        try {
            assertThatThrownBy(() -> workbook().write(output, NOVEMBER, Instant.now()))
                    .hasMessageContaining("sla_severity4_request");
        } finally {
            jdbc.execute(Files.readString(Path.of("sql/migration/postgresql/V3__severity4_request.sql")));
        }

        assertThat(Files.readAllBytes(folder.resolve("sla-compliance-2026-11.xlsx"))).isEqualTo(workbook);
        assertThat(Files.readAllBytes(folder.resolve("severity4-2026-11.csv"))).isEqualTo(csv);
        assertThat(filesIn(folder)).containsExactlyInAnyOrder("sla-compliance-2026-11.xlsx", "severity4-2026-11.csv",
                "run-summary.json");
        assertThat(poiTempFiles()).isSubsetOf(poiTemp);
    }

    @Test
    void anOutputFolderThatIsAFileFailsAndCreatesNothing(@TempDir Path elsewhere) throws IOException {
        Path notAFolder = Files.writeString(elsewhere.resolve("not-a-folder"), "x");
        MonthlyWorkbook workbook = workbook();

        assertThatThrownBy(() -> workbook.write(notAFolder, NOVEMBER, Instant.now())).isInstanceOf(IOException.class);

        assertThat(Files.readString(notAFolder)).isEqualTo("x");
        assertThat(filesIn(elsewhere)).containsExactly("not-a-folder");
    }

    @Test
    void aTemporaryFileLeftByACrashIsRemovedByTheNextWrite() throws IOException {
        Path leftover = Files.writeString(folder.resolve(".sla-compliance-2026-11.xlsx.crashed.tmp"), "half");
        Path unrelated = Files.writeString(folder.resolve("notes.tmp"), "mine");
        try {
            workbook().write(output, NOVEMBER, Instant.now());

            assertThat(leftover).doesNotExist();
            assertThat(unrelated).exists();
            assertThat(filesIn(folder)).containsExactlyInAnyOrder("sla-compliance-2026-11.xlsx",
                    "severity4-2026-11.csv", "run-summary.json", "notes.tmp");
        } finally {
            Files.deleteIfExists(unrelated);
        }
    }

    /** The warm-up writes the small sheets of an empty month to nowhere: no file, no temporary file left. */
    @Test
    void theWarmUpWritesNothingAndLeavesNoTemporaryFile() throws IOException {
        Set<Path> before = poiTempFiles();
        List<String> outputBefore = filesIn(folder);

        MonthlyWorkbook.warmUp(Policy.defaultPolicy(KOLKATA));

        assertThat(poiTempFiles()).isEqualTo(before);
        assertThat(filesIn(folder)).isEqualTo(outputBefore);
    }

    static MonthlyWorkbook workbook() {
        var dataSource = db.dataSource();
        return new MonthlyWorkbook(dataSource, new DataSourceTransactionManager(dataSource),
                Policy.defaultPolicy(KOLKATA), BigDecimal.valueOf(95), 100);
    }

    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The rows a run kept for its workbook ({@link KeptLists}), in the temporary folder. */
    static Set<Path> keptRowFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("sla-workbook-rows")).collect(Collectors.toSet());
        }
    }

    /** SXSSF's temporary sheet files, in POI's temporary folder. */
    static Set<Path> poiTempFiles() throws IOException {
        Path poi = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(poi)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(poi)) {
            return files.filter(p -> p.getFileName().toString().startsWith("poi-sxssf")).collect(Collectors.toSet());
        }
    }
}
