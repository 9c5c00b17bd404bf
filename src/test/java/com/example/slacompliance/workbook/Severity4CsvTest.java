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
}
