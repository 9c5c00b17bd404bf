package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** RFC 4180 fields that no spreadsheet runs as a formula. */
class Severity4CsvTest {

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertThat(Severity4Csv.escape("ACC-1")).isEqualTo("ACC-1");
        assertThat(Severity4Csv.escape(null)).isEmpty();
        assertThat(Severity4Csv.escape("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(Severity4Csv.escape("Acme, Ltd")).isEqualTo("\"Acme, Ltd\"");
        assertThat(Severity4Csv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Severity4Csv.escape("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void formulaStartsGetAnApostrophe() {
        assertThat(Severity4Csv.escape("=SUM(A1:A2)")).isEqualTo("'=SUM(A1:A2)");
        assertThat(Severity4Csv.escape("+91 80")).isEqualTo("'+91 80");
        assertThat(Severity4Csv.escape("-2")).isEqualTo("'-2");
        assertThat(Severity4Csv.escape("@cmd")).isEqualTo("'@cmd");
        assertThat(Severity4Csv.escape("\tx")).isEqualTo("'\tx");
        assertThat(Severity4Csv.escape("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Severity4Csv.escape("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Severity4Csv.escape("a=b")).isEqualTo("a=b");
    }

    @Test
    void aRowHasEveryColumnEvenWhenTheFirstIsEmpty() {
        StringWriter out = new StringWriter();
        Severity4Csv csv = new Severity4Csv(out, ZoneId.of("Asia/Kolkata"));
        csv.add(new Severity4Request(null, "ACC-1", null, null, null, null, null,
                Instant.parse("2026-11-05T04:30:00Z"), null, null, Instant.parse("2026-11-05T06:30:00Z"),
                600, 1800, "MET", 7200, 86400, "MET", false, false, "default"));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFticket_id,account_id,");
        assertThat(lines[1]).isEqualTo(",ACC-1,,,,,,2026-11-05T10:00:00+05:30,,,2026-11-05T12:00:00+05:30,"
                + "600,1800,MET,7200,86400,MET,false,false,default");
        assertThat(lines[1].split(",", -1)).hasSize(Severity4Csv.HEADER.size());
    }

    @Test
    void instantsAreWhatTheIsoOffsetFormatterWrites() {
        java.util.Random random = new java.util.Random(11);
        java.util.List<java.time.ZoneId> zones = java.util.List.of(java.time.ZoneId.of("Asia/Kolkata"),
                java.time.ZoneOffset.UTC, java.time.ZoneId.of("America/New_York"), java.time.ZoneId.of("Europe/London"),
                java.time.ZoneId.of("Asia/Kathmandu"), java.time.ZoneId.of("America/St_Johns"),
                java.time.ZoneId.of("Pacific/Kiritimati"));
        for (int i = 0; i < 20_000; i++) {
            // 1800 to 2200: before 1900 some zones had offsets with seconds (local mean time)
            long second = -5_364_662_400L + (long) (random.nextDouble() * 12_623_040_000L);
            java.time.Instant instant = java.time.Instant.ofEpochSecond(second, i % 10 == 0 ? 500_000_000 : 0);
            for (java.time.ZoneId zone : zones) {
                assertThat(Severity4Csv.iso(instant, zone)).as("%s in %s", instant, zone).isEqualTo(
                        java.time.OffsetDateTime.ofInstant(instant, zone)
                                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        }
        assertThat(Severity4Csv.iso(java.time.Instant.parse("2026-10-01T00:00:00Z"), java.time.ZoneId.of("Asia/Kolkata")))
                .isEqualTo("2026-10-01T05:30:00+05:30");
        assertThat(Severity4Csv.iso(java.time.Instant.parse("+12026-10-01T00:00:00Z"), java.time.ZoneOffset.UTC))
                .isEqualTo("+12026-10-01T00:00:00Z");
    }
}
