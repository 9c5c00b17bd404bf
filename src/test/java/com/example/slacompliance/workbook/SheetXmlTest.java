package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows listed straight into a sheet's XML are the XML SXSSF writes for the same cells but the attributes
 * that have a default, and read back the same in POI and in LibreOffice.
 */
class SheetXmlTest {

    static final List<TableSheet.Column> COLUMNS = List.of(new TableSheet.Column("Text", 10),
            new TableSheet.Column("Number", 10), new TableSheet.Column("Blank", 10), new TableSheet.Column("More", 10));

    /** What can be in a ticket's text: markup, entities, control characters, non-characters, emoji and halves of them. */
    static final String ALPHABET = "aZ09 <>&\"'=+-@\t\r\n\u0000\u0001\u001f\u007f\u0085\u00a0\u00e9\u20ac\ufffd\ufffe\uffff"
            + "\uD83D\uDE00\uD83D\uDE00\uD83D\uDC4D\uDE00\uD83D";

    @Test
    void listedRowsAreTheXmlSxssfWritesLessTheAttributesThatHaveADefault() throws IOException {
        Random random = new Random(20261129);
        String[][] texts = new String[2000][2];
        double[] numbers = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i][0] = randomText(random);
            texts[i][1] = randomText(random);
            numbers[i] = switch (i % 4) {
                case 0 -> random.nextInt(1000);
                case 1 -> -random.nextDouble() * 1e6;
                case 2 -> 46000 + random.nextInt(86_400) / 86_400.0;
                default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL); // any finite positive
            };
        }

        Map<String, String> sheets = sheetXml(write(texts, numbers));

        String poi = sheetData(sheets.get("xl/worksheets/sheet1.xml"));
        String listed = sheetData(sheets.get("xl/worksheets/sheet2.xml"));
        assertThat(poi).contains("<c r=\"A2\"", "<c r=\"B2\"", " t=\"n\">"); // the control: SXSSF writes both
        int listing = poi.indexOf("<row r=\"2\">"); // the header row is an SXSSF row on both sheets
        assertThat(listed.substring(0, listing)).isEqualTo(poi.substring(0, listing));
        assertThat(listed.substring(listing)).contains("t=\"inlineStr\"").doesNotContain("<c r=\"A2\"", " t=\"n\"")
                .isEqualTo(withoutDefaults(poi.substring(listing)));
        assertThat(listed).contains("<c r=\"D3\""); // row 3 has no cell in column C
        assertThat(dimension(sheets.get("xl/worksheets/sheet2.xml"))).isEqualTo("A1:D" + (texts.length + 1));
    }

    /** SXSSF's XML of cells without a number's type and without the reference of a cell right after the previous one. */
    static String withoutDefaults(String xml) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<row r=\"\\d+\"|<c r=\"([A-Z]+)\\d+\"").matcher(xml);
        int at = 0;
        int previous = -1;
        while (cell.find()) {
            out.append(xml, at, cell.start());
            at = cell.end();
            if (cell.group(1) == null) { // a row
                out.append(cell.group());
                previous = -1;
                continue;
            }
            int column = org.apache.poi.ss.util.CellReference.convertColStringToIndex(cell.group(1));
            out.append(column == previous + 1 ? "<c" : cell.group());
            previous = column;
        }
        return out.append(xml.substring(at)).toString().replace(" t=\"n\">", ">");
    }

    @Test
    void listedRowsReadBackAsSxssfRowsInPoi() throws IOException {
        Random random = new Random(30);
        String[][] texts = new String[300][2];
        double[] numbers = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = new String[] {randomText(random), randomText(random)};
            numbers[i] = random.nextInt(100_000) / 7.0;
        }

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(write(texts, numbers)))) {
            assertThat(cells(read.getSheet("listed"))).isEqualTo(cells(read.getSheet("poi"))).hasSize(texts.length + 1);
        }
    }

    /** Each row's cells as POI reads them: column, type, value and style. */
    static List<String> cells(XSSFSheet sheet) {
        List<String> rows = new java.util.ArrayList<>();
        for (Row row : sheet) {
            StringBuilder line = new StringBuilder(row.getRowNum() + ":");
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                line.append(" ").append(cell.getAddress()).append("=").append(cell.getCellType()).append(" ")
                        .append(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                ? Double.toString(cell.getNumericCellValue()) : cell.getStringCellValue())
                        .append(" s").append(cell.getCellStyle().getIndex());
            }
            rows.add(line.toString());
        }
        return rows;
    }

    /** LibreOffice, the other reader the tests have, puts the listed cells where SXSSF's are. */
    @Test
    void listedRowsReadBackAsSxssfRowsInLibreOffice(@TempDir Path work) throws Exception {
        assumeTrue(MonthlyWorkbookJobTest.onPath("soffice"), "soffice (LibreOffice) is not installed");
        Random random = new Random(31);
        String[][] texts = new String[200][2];
        double[] numbers = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = new String[] {"t" + i + " " + random.nextInt(1000), "u" + random.nextInt(1000)};
            numbers[i] = random.nextInt(100_000) / 8.0;
        }
        Path xlsx = work.resolve("lists.xlsx");
        Files.write(xlsx, write(texts, numbers));

        // every sheet to its own CSV file (the last field of the filter's options: -1), values as shown
        Process soffice = new ProcessBuilder("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + work.resolve("profile").toUri(),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", work.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        String log = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(soffice.exitValue()).as(log).isZero();

        List<String> poi = Files.readAllLines(work.resolve("lists-poi.csv"));
        List<String> listed = Files.readAllLines(work.resolve("lists-listed.csv"));
        assertThat(poi).as(log).hasSize(texts.length + 1);
        assertThat(poi.get(2)).startsWith("t1 ").contains(",,"); // the control: row 3 has its column C empty
        assertThat(listed).isEqualTo(poi);
    }

    /** Date-times and durations: the exact number of days rounded to 11 decimals (half a microsecond). */
    @Test
    void daysAreWrittenRoundedToElevenDecimals() throws IOException {
        Random random = new Random(29);
        long[] millis = new long[3000];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = switch (i % 3) {
                case 0 -> random.nextInt(3_000_000) * Cells.MILLIS_PER_DAY + random.nextInt(86_400) * 1000L; // dates
                case 1 -> (random.nextInt(2_000_000) - 1_000_000) * 1000L; // durations of either sign
                default -> random.nextLong() % (3_000_000 * Cells.MILLIS_PER_DAY); // any millisecond
            };
        }
        millis[0] = 0;
        millis[1] = 61 * Cells.MILLIS_PER_DAY + 10 * 3_600_000; // 1900-03-01 10:00, a third of a day past 61
        millis[2] = -1;
        millis[3] = Cells.MILLIS_PER_DAY - 1; // rounds up to a whole day

        StreamedWorkbook workbook = new StreamedWorkbook(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Styles styles = new Styles(workbook);
            TableSheet table = new TableSheet(workbook, styles, "listed", COLUMNS, 100_000);
            for (long m : millis) {
                table.nextListed().days(1, m, styles.dateTime);
            }
            table.finish();
            workbook.writeTo(() -> bytes);
        } finally {
            workbook.dispose();
            workbook.close();
        }

        java.util.regex.Matcher values = java.util.regex.Pattern.compile("<v>([^<]*)</v>")
                .matcher(sheetXml(bytes.toByteArray()).get("xl/worksheets/sheet1.xml"));
        BigDecimal day = BigDecimal.valueOf(Cells.MILLIS_PER_DAY);
        BigDecimal halfStep = new BigDecimal("0.5E-11");
        for (long m : millis) {
            assertThat(values.find()).isTrue();
            BigDecimal written = new BigDecimal(values.group(1));
            BigDecimal exact = BigDecimal.valueOf(m).divide(day, 30, RoundingMode.HALF_EVEN);
            assertThat(written.subtract(exact).abs()).as("%d ms written as %s", m, written)
                    .isLessThanOrEqualTo(halfStep);
            assertThat(written.scale()).isLessThanOrEqualTo(11);
        }
        assertThat(values.find()).isFalse();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(read.getSheet("listed").getRow(2).getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.parse("1900-03-01T10:00"));
        }
    }

    @Test
    void cellsGoInColumnOrderWithinARow() throws IOException {
        try (StreamedWorkbook workbook = new StreamedWorkbook(10)) {
            Styles styles = new Styles(workbook);
            SheetXml row = new TableSheet(workbook, styles, "listed", COLUMNS, 100).nextListed();
            row.text(1, "b", styles.text);
            assertThatThrownBy(() -> row.text(1, "again", styles.text)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> row.number(0, 1, styles.text)).isInstanceOf(IllegalStateException.class);
            workbook.dispose();
        }
    }

    /**
     * The same rows on a sheet through POI's rows ("poi") and on one listed straight as XML ("listed"),
     * every third without a cell in column C.
     */
    static byte[] write(String[][] texts, double[] numbers) throws IOException {
        StreamedWorkbook workbook = new StreamedWorkbook(3);
        try {
            Styles styles = new Styles(workbook);
            TableSheet poi = new TableSheet(workbook, styles, "poi", COLUMNS, 100_000);
            TableSheet listed = new TableSheet(workbook, styles, "listed", COLUMNS, 100_000);
            for (int i = 0; i < texts.length; i++) {
                CellStyle numberStyle = i % 2 == 0 ? styles.dateTime : styles.integer;
                boolean gap = i % 3 == 1; // no cell in column C
                Row row = poi.next();
                Cells.Target target = Cells.poi(row);
                target.text(0, texts[i][0], styles.text);
                target.number(1, numbers[i], numberStyle);
                if (!gap) {
                    target.blank(2, styles.totalText);
                }
                target.text(3, texts[i][1], styles.header);

                SheetXml xml = listed.nextListed();
                xml.text(0, texts[i][0], styles.text);
                xml.number(1, numbers[i], numberStyle);
                if (!gap) {
                    xml.blank(2, styles.totalText);
                }
                xml.text(3, texts[i][1], styles.header);
            }
            poi.finish();
            listed.finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.writeTo(() -> bytes);
            return bytes.toByteArray();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static Map<String, String> sheetXml(byte[] xlsx) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    static String sheetData(String xml) {
        return xml.substring(xml.indexOf("<sheetData>"), xml.indexOf("</sheetData>"));
    }

    static String dimension(String xml) {
        int start = xml.indexOf("<dimension ref=\"") + "<dimension ref=\"".length();
        return xml.substring(start, xml.indexOf('"', start));
    }
}
