package com.example.slacompliance.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    final CsvImport csv = new CsvImport(ZoneId.of("America/New_York"));
    final List<CsvImport.Row> rows = new ArrayList<>();

    CsvImport.Outcome read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    CsvImport.Outcome read(byte[] bytes) throws IOException {
        return csv.read(new ByteArrayInputStream(bytes), rows::add);
    }

    Object value(int row, String column) {
        return rows.get(row).values()[csv.columns().indexOf(column)];
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndColumnsComeInAnyOrder() throws IOException {
        CsvImport.Outcome outcome = read("""
                severity,subject,ticket_id,unknown_column
                2,"a, b ""c""
                second line",T1,x
                3,plain,T2,y
                """);
        assertThat(outcome.skipped()).isEmpty();
        assertThat(outcome.loaded()).isEqualTo(2);
        assertThat(outcome.linesRead()).isEqualTo(4);
        assertThat(csv.columns()).containsExactly("ticket_id", "severity", "subject");
        assertThat(value(0, "subject")).isEqualTo("a, b \"c\"\nsecond line");
        assertThat(value(0, "severity")).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void badLinesAreSkippedWithTheirPhysicalLineNumberAndReason() throws IOException {
        CsvImport.Outcome outcome = read("""
                ticket_id,severity,created_at
                A,1,2026-10-01T10:00:00Z
                B,one,2026-10-01T10:00:00Z
                C,1,2026-13-01T10:00
                D,1
                A,2,2026-10-01T10:00:00Z
                E,1,2026-03-08T02:30
                F,1,2026-11-01T01:30
                G,1,2026-11-01T01:30-05:00
                ,1,2026-10-01T10:00:00Z
                """);
        assertThat(outcome.skipped()).extracting(CsvImport.Skipped::line).containsExactly(3, 4, 5, 6, 7, 8, 10);
        assertThat(outcome.skipped().get(0).reason()).contains("severity 'one'");
        assertThat(outcome.skipped().get(1).reason()).contains("created_at", "2026-13-01T10:00");
        assertThat(outcome.skipped().get(2).reason()).contains("wrong number of fields: 2");
        assertThat(outcome.skipped().get(3).reason()).contains("already seen on line 2");
        assertThat(outcome.skipped().get(4).reason()).contains("does not exist in America/New_York");
        assertThat(outcome.skipped().get(5).reason()).contains("ambiguous");
        assertThat(outcome.skipped().get(6).reason()).contains("ticket_id is empty");
        assertThat(outcome.loaded()).isEqualTo(2);
        assertThat(value(0, "severity")).isEqualTo(1); // the first A is kept
        assertThat(((OffsetDateTime) value(1, "created_at")).toInstant()).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void localTimesAreReadInTheReportingZoneAndOffsetsAsGiven() throws IOException {
        read("""
                ticket_id,created_at,closed_at
                A,2026-07-01 09:30,2026-07-01T09:30:00+05:30
                """);
        assertThat(((OffsetDateTime) value(0, "created_at")).toInstant()).isEqualTo(Instant.parse("2026-07-01T13:30:00Z"));
        assertThat(((OffsetDateTime) value(0, "closed_at")).toInstant()).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
    }

    @Test
    void aQuoteLeftOpenIsReportedWhereItOpened() throws IOException {
        CsvImport.Outcome outcome = read("ticket_id,subject\nA,fine\nB,\"never closed\nC,lost\nD,lost\n");
        assertThat(outcome.loaded()).isEqualTo(1);
        assertThat(outcome.skipped()).containsExactly(new CsvImport.Skipped(3, "a quote opened here is never closed"));
        assertThat(outcome.linesRead()).isEqualTo(5);
    }

    @Test
    void invalidUtf8IsSkippedAndNulIsRemoved() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("\uFEFFticket_id,subject\r\nA,caf\u00e9 \u0000ok \uD83D\uDE00\r\nB,".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        bytes.writeBytes("\r\nC,after\r\n".getBytes(StandardCharsets.UTF_8));
        CsvImport.Outcome outcome = read(bytes.toByteArray());
        assertThat(outcome.skipped()).extracting(CsvImport.Skipped::line).containsExactly(3);
        assertThat(outcome.skipped().get(0).reason()).contains("invalid UTF-8");
        assertThat(rows).hasSize(2);
        assertThat(value(0, "subject")).isEqualTo("caf\u00e9 ok \uD83D\uDE00");
        assertThat(value(1, "ticket_id")).isEqualTo("C");
    }

    @Test
    void aHeaderWithoutTicketIdStopsTheImport() {
        assertThatThrownBy(() -> read("id,severity\n1,2\n")).isInstanceOf(CsvImport.BadHeader.class)
                .hasMessageContaining("ticket_id");
        assertThatThrownBy(() -> read("")).isInstanceOf(CsvImport.BadHeader.class);
    }
}
