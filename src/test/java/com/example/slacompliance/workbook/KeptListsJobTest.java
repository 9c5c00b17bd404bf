package com.example.slacompliance.workbook;

import static com.example.slacompliance.testing.Tickets.KOLKATA;
import static com.example.slacompliance.testing.Tickets.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.testing.PostgresDatabase;
import com.example.slacompliance.testing.Tickets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The real job on PostgreSQL writes its workbook's long lists from the rows it kept as it staged them
 * ({@link KeptLists}); the same workbook written afterwards from the published rows must be the same,
 * byte for byte, in every sheet and in the CSV. The tickets are made to tell the orders apart: accounts,
 * integrations and ticket ids that sort differently by case, by UTF-16 and by code point, equal creation
 * times, missing accounts, integrations with spaces and tabs around them; in a database whose own
 * collation (ICU's English) sorts them otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeptListsJobTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    static Path output;

    static PostgresDatabase db;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void tickets() {
        db = PostgresDatabase.freshWithEnglishCollation("wb_kept_lists").withTicketsTable();
        jdbc = db.jdbc();
        Tickets t = new Tickets(jdbc);
        List<String> accounts = new ArrayList<>(List.of("acc-b", "ACC-a", "Acc-\u00e9", "\uD835\uDC9Ccc",
                "\uE000cc", "ACC-A"));
        accounts.add(null);
        List<String> integrations = List.of(" AcmeCRM", "acmecrm ", "ACMECRM", "\tAcme", "Zeta", "\u00e4rger",
                "\uD835\uDC9C", "\uE000");
        List<String> ids = List.of("T-10", "T-9", "t-1", "\u00dc-1", "\uE000-1", "\uD835\uDC9C-1", "T-1 ", "T-1");
        int n = 0;
        for (String id : ids) {
            for (int k = 0; k < accounts.size(); k++) {
                String ticket = id + "/" + k;
                String account = accounts.get(k);
                // equal creation times across ids, so that the ticket id decides
                Instant created = at("2026-11-0" + (1 + k % 3) + "T10:00");
                int severity = 1 + (n % 4);
                String integration = n % 5 == 0 ? integrations.get(n % integrations.size()) : null;
                // every other ticket acknowledged late: a breach
                Instant ack = created.plusSeconds(n % 2 == 0 ? 600 : 3 * 3600);
                t.insert(ticket, account, "Account " + k, List.of("ENTERPRISE", "SME", "SMB").get(n % 3),
                        severity, integration, "Subject \u00e9 " + n, created, ack, created.plusSeconds(4 * 3600),
                        created.plusSeconds(26 * 3600));
                n++;
            }
        }
        for (int k = 0; k < 24; k++) { // Severity 4 only, so that the account decides among many
            Instant created = at("2026-11-10T09:00");
            t.insert("S4-" + k, accounts.get(k % accounts.size()), "Account", "SMB", 4,
                    k % 6 == 0 ? integrations.get(k % integrations.size()) : null, "Reconcile " + k, created,
                    created.plusSeconds(60), created.plusSeconds(3600), created.plusSeconds(7200));
        }
        // one integration written three ways: listed together, by creation
        t.insert("X-1", "ACC-a", "Account", "SME", 2, "beta", "Sync", at("2026-11-14T10:00"), null, null,
                at("2026-11-14T18:00"));
        t.insert("X-2", "ACC-a", "Account", "SME", 2, " Beta", "Sync", at("2026-11-14T11:00"), null, null,
                at("2026-11-14T18:00"));
        t.insert("X-3", "ACC-a", "Account", "SME", 2, "BETA  ", "Sync", at("2026-11-14T09:00"), null, null,
                at("2026-11-14T18:00"));
        t.insert("BAD", "ACC-a", "Account", "SMB", 9, null, "Bad severity", at("2026-11-12T09:00"), null, null,
                at("2026-11-12T13:00"));
    }

    @Test
    void theWorkbookFromTheKeptRowsIsTheOneFromThePublishedRows(CapturedOutput log, @TempDir Path readBack)
            throws IOException {
        assertThat(SlaComplianceApplication.run(db.args(output, "--month=2026-11", "--sla.max-reject-ratio=1",
                "--logging.level.com.example.slacompliance.workbook=DEBUG").toArray(String[]::new))).isZero();
        assertThat(log.getOut()).containsPattern("workbook 2026-11: from what run \\d+ staged to publish and the rows it kept");
        Instant asOf = Instant.parse(jdbc.queryForObject(
                "SELECT parameter_value FROM batch_job_execution_params WHERE parameter_name = 'run'", String.class));

        var dataSource = db.dataSource();
        new MonthlyWorkbook(dataSource, new DataSourceTransactionManager(dataSource), Policy.defaultPolicy(KOLKATA),
                BigDecimal.valueOf(95), 7).write(readBack, NOVEMBER, asOf);
        assertThat(log.getOut()).contains("workbook 2026-11: from the published rows");

        Map<String, byte[]> kept = entries(output.resolve("2026-11/sla-compliance-2026-11.xlsx"));
        Map<String, byte[]> published = entries(readBack.resolve("2026-11/sla-compliance-2026-11.xlsx"));
        kept.remove("docProps/core.xml"); // the time the file was made
        published.remove("docProps/core.xml");
        assertThat(kept.keySet()).containsExactlyElementsOf(published.keySet());
        for (String entry : kept.keySet()) {
            assertThat(new String(kept.get(entry), "UTF-8")).as(entry)
                    .isEqualTo(new String(published.get(entry), "UTF-8"));
        }
        assertThat(Files.readString(output.resolve("2026-11/severity4-2026-11.csv")))
                .isEqualTo(Files.readString(readBack.resolve("2026-11/severity4-2026-11.csv")));
        // the orders were put to the test: the lists are long and hold what sorts apart
        String breaches = new String(kept.get("xl/worksheets/sheet4.xml"), "UTF-8");
        assertThat(breaches).contains("\uD835\uDC9C-1/", "\uE000-1/", "\u00dc-1/");
        String thirdParty = new String(kept.get("xl/worksheets/sheet6.xml"), "UTF-8");
        assertThat(thirdParty).contains(" AcmeCRM", "&#x9;Acme", "ACMECRM");
        assertThat(thirdParty.indexOf(">X-3<")).isLessThan(thirdParty.indexOf(">X-1<"));
        assertThat(thirdParty.indexOf(">X-1<")).isLessThan(thirdParty.indexOf(">X-2<"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_severity4_request WHERE period = '2026-11'",
                Integer.class)).isGreaterThan(30);
    }

    private static Map<String, byte[]> entries(Path xlsx) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
