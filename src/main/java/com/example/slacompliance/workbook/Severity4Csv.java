package com.example.slacompliance.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Finance's Severity 4 list as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), a
 * header row, RFC 4180 quoting and CRLF line ends, instants in ISO-8601 with the reporting zone's
 * offset. A field that a spreadsheet would run as a formula gets an apostrophe in front.
 */
final class Severity4Csv {

    static final char BOM = '\uFEFF';
    static final String CRLF = "\r\n";
    static final List<String> HEADER = List.of("ticket_id", "account_id", "account_name", "category", "channel",
            "integration", "subject", "created_at", "acknowledged_at", "first_response_at", "closed_at",
            "ack_seconds", "ack_target_seconds", "ack_status", "response_seconds", "response_target_seconds",
            "response_status", "exempt", "breached", "policy_version");

    private final Writer out;
    private final ZoneId zone;
    private final StringBuilder line = new StringBuilder(256);
    private boolean firstField = true;
    private long rows;

    /** Starts the file: the byte-order mark and the header row. */
    Severity4Csv(Writer out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        try {
            out.write(BOM); // not through the line, which then stays one byte a character
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : HEADER) {
            field(name);
        }
        endLine();
    }

    void add(Severity4Request r) {
        field(r.ticketId());
        field(r.accountId());
        field(r.accountName());
        field(r.category());
        field(r.channel());
        field(r.integration());
        field(r.subject());
        field(instant(r.createdAt()));
        field(instant(r.acknowledgedAt()));
        field(instant(r.firstResponseAt()));
        field(instant(r.closedAt()));
        field(Long.toString(r.ackSeconds()));
        field(Long.toString(r.ackTargetSeconds()));
        field(r.ackStatus());
        field(Long.toString(r.responseSeconds()));
        field(Long.toString(r.responseTargetSeconds()));
        field(r.responseStatus());
        field(Boolean.toString(r.exempt()));
        field(Boolean.toString(r.breached()));
        field(r.policyVersion());
        endLine();
        rows++;
    }

    long rows() {
        return rows;
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as written: formula-guarded, then quoted when it holds a comma, a quote or a line break. */
    static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = runsAsFormula(value) ? "'" + value : value;
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Whether a spreadsheet would take the field for a formula (or a DDE call) when it opens the file. */
    static boolean runsAsFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private String instant(Instant instant) {
        return instant == null ? null : iso(instant, zone);
    }

    /**
     * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} of the instant in the zone. The usual case (whole
     * seconds, a year of four digits, an offset of whole minutes) is written directly, without the
     * formatter's general machinery: the file has four instants a row.
     */
    static String iso(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
        int offsetSeconds = offset.getTotalSeconds();
        if (t.getNano() != 0 || t.getYear() < 0 || t.getYear() > 9999 || offsetSeconds % 60 != 0) {
            return OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        StringBuilder out = new StringBuilder(25);
        two(two(out, t.getYear() / 100), t.getYear() % 100).append('-');
        two(out, t.getMonthValue()).append('-');
        two(out, t.getDayOfMonth()).append('T');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond());
        if (offsetSeconds == 0) {
            return out.append('Z').toString();
        }
        int minutes = Math.abs(offsetSeconds) / 60;
        out.append(offsetSeconds < 0 ? '-' : '+');
        two(out, minutes / 60).append(':');
        return two(out, minutes % 60).toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private void field(String value) {
        if (!firstField) {
            line.append(',');
        }
        firstField = false;
        line.append(escape(value));
    }

    private void endLine() {
        line.append(CRLF);
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.setLength(0);
        firstField = true;
    }
}
