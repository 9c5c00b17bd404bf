package com.example.slacompliance.workbook;

import static com.example.slacompliance.testing.Tickets.KOLKATA;
import static com.example.slacompliance.testing.Tickets.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.testing.PostgresDatabase;
import com.example.slacompliance.testing.Tickets;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The real job on PostgreSQL, then its workbook and CSV read back: the figures against the summary
 * table, every breached and every Severity 4 ticket exactly once, cell types, layout, the CSV and the view.
 */
class MonthlyWorkbookJobTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    /** Over Excel's cell limit, with a surrogate pair right where the cut falls. */
    static final String LONG_SUBJECT = "L".repeat(Cells.MAX_TEXT - Cells.CUT_MARK.length() - 1) + "\uD83D\uDE00"
            + "x".repeat(40_000 - Cells.MAX_TEXT + Cells.CUT_MARK.length() - 1);
    static final List<String> SHEETS = List.of("Summary", "By tier", "Trend", "Breaches", "Severity 4", "Third-party",
            "Rejected", "Policy");

    @TempDir
    static Path output;

    static PostgresDatabase db;
    static JdbcTemplate jdbc;
    static XSSFWorkbook workbook;
    static Path xlsx;
    static Path csv;

    @BeforeAll
    static void runTheJobForOctoberAndNovember() throws IOException {
        db = PostgresDatabase.fresh("wb_monthly_workbook_job").withTicketsTable();
        jdbc = db.jdbc();
        Tickets t = new Tickets(jdbc);
        // October: one ticket, so the Trend has a month before the period
        t.insert("OCT", "ACC-1", "Acme Ltd", "ENTERPRISE", 1, null, "October", at("2026-10-05T10:00"),
                at("2026-10-05T10:05"), at("2026-10-05T11:00"), at("2026-10-05T12:00"));
        // November
        t.insert("E1", "ACC-1", "Acme Ltd", "ENTERPRISE", 1, null, "All fine", at("2026-11-05T10:00"),
                at("2026-11-05T10:10"), at("2026-11-05T11:00"), at("2026-11-05T12:00"));
        t.insert("E2", "ACC-1", "Acme Ltd", "ENTERPRISE", 1, null, "Late ack", at("2026-11-05T10:00"),
                at("2026-11-05T10:40"), at("2026-11-05T11:00"), at("2026-11-05T12:00"));
        t.insert("E3", "ACC-3", "Acme, \"Ltd\"", "ENTERPRISE", 2, null, "Late response", at("2026-11-06T10:00"),
                at("2026-11-06T10:05"), at("2026-11-06T16:00"), at("2026-11-06T17:00"));
        t.insert("S1", "ACC-2", "Beta, \"Inc\"", "SME", 3, null, "Cosmetic", at("2026-11-06T10:00"),
                at("2026-11-06T10:05"), at("2026-11-06T11:00"), at("2026-11-06T12:00"));
        t.insert("LONG", "ACC-2", "Beta, \"Inc\"", "ENTERPRISE", 3, null, LONG_SUBJECT, at("2026-11-07T10:00"),
                at("2026-11-07T10:05"), at("2026-11-08T12:00"), at("2026-11-08T13:00"));
        t.insert("OLD", "ACC-2", "Beta, \"Inc\"", "ENTERPRISE", 3, null, "Raised before 1900", at("1899-06-01T10:00"),
                null, null, at("2026-11-08T13:00"));
        t.insert("X1", "ACC-1", "Acme Ltd", "SME", 1, "AcmeCRM", "CRM sync", at("2026-11-05T10:00"),
                at("2026-11-05T13:00"), null, at("2026-11-05T18:00"));
        // Severity 4: two accounts, met, breached, exempt, and a subject that is a formula
        t.insert("S4-A", "ACC-2", "Beta, \"Inc\"", "SMB", 4, null, "Reconcile October", at("2026-11-09T09:00"),
                at("2026-11-09T09:10"), at("2026-11-09T12:00"), at("2026-11-09T13:00"));
        t.insert("S4-B", "ACC-2", "Beta, \"Inc\"", "SME", 4, null, "Call logs", at("2026-11-10T09:00"),
                at("2026-11-10T10:00"), at("2026-11-10T12:00"), at("2026-11-10T13:00"));
        t.insert("S4-EXEMPT", "ACC-1", "Acme Ltd", "ENTERPRISE", 4, "AcmeCRM", "CRM invoices", at("2026-11-11T09:00"),
                at("2026-11-11T12:00"), null, at("2026-11-13T13:00"));
        t.insert("S4-FORMULA", "ACC-1", "Acme Ltd", "ENTERPRISE", 4, null, FORMULA, at("2026-11-12T09:00"),
                at("2026-11-12T09:05"), at("2026-11-12T12:00"), at("2026-11-12T13:00"));
        // rejected
        t.insert("R1", "ACC-1", "Acme Ltd", "SMB", 9, null, "Bad severity", at("2026-11-12T09:00"), null, null,
                at("2026-11-12T13:00"));
        t.insert("R2", "ACC-1", "Acme Ltd", "GOLD", 2, null, "Bad tier", at("2026-11-12T09:00"), null, null,
                at("2026-11-12T13:00"));

        assertThat(run("--month=2026-10")).isZero();
        assertThat(run("--month=2026-11", "--sla.max-reject-ratio=1")).isZero();
        xlsx = output.resolve("2026-11").resolve("sla-compliance-2026-11.xlsx");
        csv = output.resolve("2026-11").resolve("severity4-2026-11.csv");
        try (InputStream in = Files.newInputStream(xlsx)) {
            workbook = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (workbook != null) {
            workbook.close();
        }
    }

    static int run(String... args) {
        return SlaComplianceApplication.run(db.args(output, args).toArray(String[]::new));
    }

    @Test
    void theSheetsComeInOrder() {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        assertThat(names).containsExactlyElementsOf(SHEETS);
    }

    @Test
    void summaryFiguresAreThoseOfTheSummaryTable() {
        Sheet summary = workbook.getSheet("Summary");
        int header = headerRow(summary, "Severity");
        Map<String, Integer> columns = columns(summary.getRow(header));
        int closed = 0;
        for (int severity = 1; severity <= 4; severity++) {
            Row row = summary.getRow(header + severity);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(severity);
            Map<String, Object> expected = summaryRow(severity, "ALL");
            assertFigures(row, columns, expected, withBreach(severity, "ALL"));
            closed += (Integer) expected.get("tickets_closed");
        }
        Row total = summary.getRow(header + 5);
        assertThat(total.getCell(0).getStringCellValue()).isEqualTo("All severities");
        assertThat(total.getCell(columns.get("Tickets closed")).getNumericCellValue()).isEqualTo(closed);
        assertThat(total.getCell(columns.get("Tickets with a breach")).getNumericCellValue())
                .isEqualTo(breachedIds().size());
        // targets beside the times, as [h]:mm day fractions: response target of severity 3 is 24:00
        Cell target = summary.getRow(header + 3).getCell(columns.get("Response target"));
        assertThat(target.getNumericCellValue()).isEqualTo(1.0);
        assertThat(target.getCellStyle().getDataFormatString()).isEqualTo("[h]:mm");
    }

    @Test
    void byTierFiguresAreThoseOfTheSummaryTable() {
        Sheet byTier = workbook.getSheet("By tier");
        int header = headerRow(byTier, "Tier");
        Map<String, Integer> columns = columns(byTier.getRow(header));
        Map<String, String> tiers = Map.of("Enterprise", "ENTERPRISE", "SME", "SME", "SMB", "SMB");
        int checked = 0;
        for (int r = header + 1; r <= byTier.getLastRowNum(); r++) {
            Row row = byTier.getRow(r);
            Cell severity = row.getCell(1);
            if (severity.getCellType() == CellType.NUMERIC) {
                String tier = tiers.get(row.getCell(0).getStringCellValue());
                int s = (int) severity.getNumericCellValue();
                assertFigures(row, columns, summaryRow(s, tier), withBreach(s, tier));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void everyBreachedTicketIsListedOnce() {
        assertThat(ids("Breaches")).containsExactlyInAnyOrderElementsOf(breachedIds())
                .contains("E2", "E3", "LONG", "OLD", "S4-B").doesNotContain("E1", "X1", "S4-EXEMPT");
    }

    @Test
    void everySeverity4TicketIsListedOnceWithSubtotalsPerAccount() {
        List<String> expected = jdbc.queryForList(
                "SELECT ticket_id FROM sla_ticket_result WHERE period = '2026-11' AND severity = 4", String.class);
        assertThat(ids("Severity 4")).containsExactlyInAnyOrderElementsOf(expected)
                .containsExactlyInAnyOrder("S4-A", "S4-B", "S4-EXEMPT", "S4-FORMULA");
        Sheet sheet = workbook.getSheet("Severity 4");
        Map<String, Integer> columns = columns(sheet.getRow(0));
        Map<String, double[]> subtotals = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String first = row.getCell(0).getStringCellValue();
            if (first.equals(Severity4Sheet.SUBTOTAL) || first.equals(Severity4Sheet.TOTAL)) {
                subtotals.put(first + " " + row.getCell(1).getStringCellValue(), new double[] {
                    row.getCell(columns.get("Tickets")).getNumericCellValue(),
                    row.getCell(columns.get("Tickets with a breach")).getNumericCellValue()});
            } else {
                order.add(first);
                if (first.equals("S4-EXEMPT")) {
                    assertThat(row.getCell(columns.get("Ack status")).getStringCellValue()).isEqualTo("EXEMPT");
                    assertThat(row.getCell(columns.get("Integration")).getStringCellValue()).isEqualTo("AcmeCRM");
                }
            }
        }
        // by account, then by creation
        assertThat(order).containsExactly("S4-EXEMPT", "S4-FORMULA", "S4-A", "S4-B");
        assertThat(subtotals).containsOnlyKeys("Subtotal ACC-1", "Subtotal ACC-2", "Total ");
        assertThat(subtotals.get("Subtotal ACC-2")).containsExactly(2, 1);
        assertThat(subtotals.get("Subtotal ACC-1")).containsExactly(2, 0);
        assertThat(subtotals.get("Total ")).containsExactly(4, 1);
    }

    @Test
    void thirdPartyListsTheExemptTicketsAndRejectedTheRejectedOnes() {
        assertThat(ids("Third-party")).containsExactlyInAnyOrder("X1", "S4-EXEMPT");
        Sheet rejected = workbook.getSheet("Rejected");
        Map<String, String> reasons = new HashMap<>();
        for (int r = 1; r <= rejected.getLastRowNum(); r++) {
            Row row = rejected.getRow(r);
            reasons.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            assertThat(row.getCell(2).getStringCellValue()).isNotBlank();
        }
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(
                Map.of("R1", "UNKNOWN_SEVERITY", "R2", "UNKNOWN_TIER"));
    }

    @Test
    void ticketTextStaysTextAndLongTextIsCutVisibly() {
        Cell formula = cell("Severity 4", "S4-FORMULA", "Subject");
        assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
        assertThat(formula.getStringCellValue()).isEqualTo(FORMULA);

        String cut = cell("Breaches", "LONG", "Subject").getStringCellValue();
        assertThat(cut.length()).isLessThanOrEqualTo(Cells.MAX_TEXT);
        assertThat(cut).endsWith(Cells.CUT_MARK).startsWith("LLLL");
        String kept = cut.substring(0, cut.length() - Cells.CUT_MARK.length());
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).as("half a surrogate pair").isFalse();
        assertThat(LONG_SUBJECT).startsWith(kept);
    }

    @Test
    void dateTimesAreDateCellsInTheReportingZoneAndDurationsAreDayFractions() {
        Cell created = cell("Breaches", "E2", "Created");
        assertThat(created.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(created)).isTrue();
        assertThat(created.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-11-05T10:00"));

        Cell late = cell("Breaches", "E2", "Ack late by");
        assertThat(late.getNumericCellValue()).isCloseTo((2400 - 1800) / 86400.0, within(1e-11)); // 11 decimals
        assertThat(late.getCellStyle().getDataFormatString()).isEqualTo("[h]:mm");
        assertThat(cell("Breaches", "E2", "Response late by")).isNull(); // met: blank

        Cell ancient = cell("Breaches", "OLD", "Created");
        assertThat(ancient.getCellType()).isEqualTo(CellType.STRING);
        assertThat(ancient.getStringCellValue()).startsWith("1899-06-01T10:00");

        Cell asOf = workbook.getSheet("Summary").getRow(2).getCell(1);
        assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
    }

    @Test
    void everySheetHasAFrozenFilteredHeaderAndPrintsLandscapeOnePageWide() {
        for (String name : SHEETS) {
            XSSFSheet sheet = workbook.getSheet(name);
            assertThat(sheet.getPaneInformation()).as(name).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
            assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(0)).as(name).isGreaterThan(8 * 256);
        }
    }

    @Test
    void trendShowsTheTwelveMonthsEndingWithThePeriod() {
        Sheet trend = workbook.getSheet("Trend");
        assertThat(trend.getLastRowNum()).isEqualTo(12);
        assertThat(trend.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2025-12-01");
        assertThat(trend.getRow(11).getCell(1).getNumericCellValue()).isEqualTo(1.0); // October, severity 1 ack: 100 %
        assertThat(trend.getRow(10).getCell(1)).isNull();                              // September: not run
        BigDecimal novemberAck = (BigDecimal) summaryRow(1, "ALL").get("ack_compliance_pct");
        assertThat(pct(trend.getRow(12).getCell(1))).isEqualByComparingTo(novemberAck);
    }

    @Test
    void theFinanceCsvIsExcelSafeUtf8WithIsoInstants() throws IOException {
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", Severity4Csv.HEADER));
        assertThat(lines).hasSize(5);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        String formulaRow = List.of(lines).stream().filter(l -> l.startsWith("S4-FORMULA,")).findFirst().orElseThrow();
        assertThat(formulaRow).contains(",2026-11-12T09:00:00+05:30,2026-11-12T09:05:00+05:30,");
        assertThat(List.of(lines).stream().filter(l -> l.startsWith("S4-A,")).findFirst().orElseThrow())
                .startsWith("S4-A,ACC-2,\"Beta, \"\"Inc\"\"\",Reconciliation,");
        assertThat(List.of(lines).stream().filter(l -> l.startsWith("S4-EXEMPT,")).findFirst().orElseThrow())
                .contains(",EXEMPT,", ",true,false,");
    }

    @Test
    void theViewListsTheSeverity4TicketsOfThePeriod() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM sla_severity4_request WHERE period = '2026-11' ORDER BY ticket_id");
        assertThat(rows).extracting(r -> r.get("ticket_id"))
                .containsExactly("S4-A", "S4-B", "S4-EXEMPT", "S4-FORMULA");
        assertThat(rows.get(2)).containsEntry("exempt", true).containsEntry("breached", false);
        assertThat(rows.get(1)).containsEntry("breached", true).containsEntry("ack_status", "BREACHED");
    }

    @Test
    void longListsContinueOnNumberedSheets(@TempDir Path elsewhere) throws IOException {
        var dataSource = db.dataSource();
        MonthlyWorkbook small = new MonthlyWorkbook(dataSource, new DataSourceTransactionManager(dataSource),
                Policy.defaultPolicy(KOLKATA), BigDecimal.valueOf(95), 100, 3);

        MonthlyWorkbook.Written written = small.write(elsewhere, NOVEMBER, Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(written.sheets()).containsExactly("Summary", "By tier", "Trend",
                "Breaches", "Breaches (2)", "Breaches (3)",
                "Severity 4", "Severity 4 (2)", "Severity 4 (3)", "Severity 4 (4)",
                "Third-party", "Rejected", "Policy");
        try (InputStream in = Files.newInputStream(written.workbook()); XSSFWorkbook read = new XSSFWorkbook(in)) {
            List<String> breaches = new ArrayList<>();
            for (String name : List.of("Breaches", "Breaches (2)", "Breaches (3)")) {
                Sheet sheet = read.getSheet(name);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Ticket");
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(2);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    breaches.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(breaches).containsExactlyInAnyOrderElementsOf(breachedIds());
        }
    }

    @Test
    void opensInLibreOffice(@TempDir Path pdfs) throws Exception {
        assumeTrue(onPath("soffice"), "soffice (LibreOffice) is not installed");
        Process soffice = new ProcessBuilder("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + pdfs.resolve("profile").toUri(),
                "--convert-to", "pdf", "--outdir", pdfs.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        String log = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(soffice.exitValue()).as(log).isZero();
        Path pdf = pdfs.resolve("sla-compliance-2026-11.pdf");
        assertThat(pdf).as(log).exists();
        try (InputStream in = Files.newInputStream(pdf)) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    // --- reading the workbook back

    static void assertFigures(Row row, Map<String, Integer> columns, Map<String, Object> expected, int withBreach) {
        assertThat(number(row, columns, "Tickets closed")).isEqualTo(((Number) expected.get("tickets_closed")).doubleValue());
        assertThat(number(row, columns, "Tickets evaluated"))
                .isEqualTo(((Number) expected.get("tickets_evaluated")).doubleValue());
        assertPct(row.getCell(columns.get("Ack compliance")), (BigDecimal) expected.get("ack_compliance_pct"));
        assertPct(row.getCell(columns.get("Response compliance")), (BigDecimal) expected.get("response_compliance_pct"));
        assertThat(number(row, columns, "Tickets with a breach")).isEqualTo(withBreach);
        for (String[] p : new String[][] {{"Ack p50", "ack_p50_seconds"}, {"Ack p90", "ack_p90_seconds"},
            {"Response p50", "response_p50_seconds"}, {"Response p90", "response_p90_seconds"}}) {
            Double seconds = (Double) expected.get(p[1]);
            Cell cell = row.getCell(columns.get(p[0]));
            if (seconds == null) {
                assertThat(cell).as(p[0]).isNull();
            } else {
                assertThat(cell.getNumericCellValue() * 86400).as(p[0]).isCloseTo(seconds, within(1e-6));
            }
        }
    }

    static void assertPct(Cell cell, BigDecimal expected) {
        if (expected == null) {
            assertThat(cell).isNull();
        } else {
            assertThat(pct(cell)).isEqualByComparingTo(expected);
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        }
    }

    static BigDecimal pct(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue() * 100).setScale(2, RoundingMode.HALF_UP);
    }

    static double number(Row row, Map<String, Integer> columns, String header) {
        return row.getCell(columns.get(header)).getNumericCellValue();
    }

    static int headerRow(Sheet sheet, String firstHeader) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(firstHeader)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row on " + sheet.getSheetName());
    }

    static Map<String, Integer> columns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        header.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return columns;
    }

    /** Ticket ids of a list sheet (its first column, subtotal rows left out). */
    static List<String> ids(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        int column = columns(sheet.getRow(0)).get("Ticket");
        List<String> ids = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            String id = sheet.getRow(r).getCell(column).getStringCellValue();
            if (!id.equals(Severity4Sheet.SUBTOTAL) && !id.equals(Severity4Sheet.TOTAL)) {
                ids.add(id);
            }
        }
        return ids;
    }

    static Cell cell(String sheetName, String ticketId, String header) {
        Sheet sheet = workbook.getSheet(sheetName);
        Map<String, Integer> columns = columns(sheet.getRow(0));
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(columns.get("Ticket")).getStringCellValue().equals(ticketId)) {
                return row.getCell(columns.get(header));
            }
        }
        throw new AssertionError(ticketId + " is not on " + sheetName);
    }

    static Map<String, Object> summaryRow(int severity, String tier) {
        return jdbc.queryForMap("SELECT * FROM sla_compliance_summary WHERE period = '2026-11' AND severity = ? "
                + "AND customer_tier = ?", severity, tier);
    }

    static int withBreach(int severity, String tier) {
        return jdbc.queryForObject("SELECT count(*) FROM sla_ticket_result WHERE period = '2026-11' AND severity = ? "
                + "AND (customer_tier = ? OR ? = 'ALL') AND 'BREACHED' IN (ack_status, response_status)",
                Integer.class, severity, tier, tier);
    }

    static List<String> breachedIds() {
        return jdbc.queryForList("SELECT ticket_id FROM sla_ticket_result WHERE period = '2026-11' "
                + "AND 'BREACHED' IN (ack_status, response_status)", String.class);
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
