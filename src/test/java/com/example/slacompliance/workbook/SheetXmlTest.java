package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Rows listed straight into a sheet's XML are the XML SXSSF writes for the same cells, and read back the same. */
class SheetXmlTest {

    static final List<TableSheet.Column> COLUMNS = List.of(new TableSheet.Column("Text", 10),
            new TableSheet.Column("Number", 10), new TableSheet.Column("Blank", 10), new TableSheet.Column("More", 10));

    /** What can be in a ticket's text: markup, entities, control characters, non-characters, emoji and halves of them. */
    static final String ALPHABET = "aZ09 <>&\"'=+-@\t\r\n\u0000\u0001\u001f\u007f\u0085\u00a0\u00e9\u20ac\ufffd\ufffe\uffff"
            + "\uD83D\uDE00\uD83D\uDE00\uD83D\uDC4D\uDE00\uD83D";

    @Test
    void listedRowsAreTheXmlSxssfWritesForTheSameCells() throws IOException {
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
        assertThat(listed).contains("t=\"inlineStr\"").isEqualTo(poi);
        assertThat(dimension(sheets.get("xl/worksheets/sheet2.xml"))).isEqualTo("A1:D" + (texts.length + 1));
    }

    @Test
    void listedRowsReadBackAsTheirValues() throws IOException {
        String[][] texts = {{"=HYPERLINK(\"http://x\")", " two spaces  "}, {"a&b<c>", "line\nbreak"}};
        double[] numbers = {46296.5, -3};

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(write(texts, numbers)))) {
            XSSFSheet sheet = read.getSheet("listed");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(" two spaces  ");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("a&b<c>");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("line\nbreak");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(46296.5);
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(-3);
            assertThat(sheet.getRow(2).getCell(2).getCellStyle().getBorderTop())
                    .isEqualTo(org.apache.poi.ss.usermodel.BorderStyle.THIN);
        }
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

    /** The same rows on a sheet through POI's rows ("poi") and on one listed straight as XML ("listed"). */
    static byte[] write(String[][] texts, double[] numbers) throws IOException {
        StreamedWorkbook workbook = new StreamedWorkbook(3);
        try {
            Styles styles = new Styles(workbook);
            TableSheet poi = new TableSheet(workbook, styles, "poi", COLUMNS, 100_000);
            TableSheet listed = new TableSheet(workbook, styles, "listed", COLUMNS, 100_000);
            for (int i = 0; i < texts.length; i++) {
                CellStyle numberStyle = i % 2 == 0 ? styles.dateTime : styles.integer;
                Row row = poi.next();
                Cells.Target target = Cells.poi(row);
                target.text(0, texts[i][0], styles.text);
                target.number(1, numbers[i], numberStyle);
                target.blank(2, styles.totalText);
                target.text(3, texts[i][1], styles.header);

                SheetXml xml = listed.nextListed();
                xml.text(0, texts[i][0], styles.text);
                xml.number(1, numbers[i], numberStyle);
                xml.blank(2, styles.totalText);
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
