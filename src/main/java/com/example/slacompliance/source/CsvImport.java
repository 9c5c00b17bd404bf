package com.example.slacompliance.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a helpdesk export (RFC 4180 CSV, UTF-8, a header naming the source columns in any order) into
 * ticket rows. Lines that cannot be loaded are skipped and reported with their physical line number.
 * Plain Java: {@link TicketUpsert} writes the rows.
 */
public final class CsvImport {

    /** The source columns, in the reference DDL's order. */
    public static final List<String> COLUMNS = List.of("ticket_id", "account_id", "account_name", "customer_tier",
            "severity", "category", "channel", "integration", "subject", "created_at", "acknowledged_at",
            "first_response_at", "closed_at");
    static final List<String> INSTANTS = List.of("created_at", "acknowledged_at", "first_response_at", "closed_at");

    /** A line left out, and why. */
    public record Skipped(int line, String reason) {
    }

    /** A ticket to upsert: values for the header's known columns, in {@link #columns()} order. */
    public record Row(int line, Object[] values) {
    }

    /** What an import did. */
    public record Outcome(int linesRead, int loaded, List<Skipped> skipped) {
        public String line() {
            return String.format("import: %d lines read, %d tickets loaded, %d lines skipped", linesRead, loaded,
                    skipped.size());
        }
    }

    /** The file's header is unusable: the import cannot start. */
    public static final class BadHeader extends RuntimeException {
        public BadHeader(String message) {
            super(message);
        }
    }

    private final ZoneId zone;
    private List<String> columns = List.of();

    public CsvImport(ZoneId zone) {
        this.zone = zone;
    }

    /** The known columns the file has, in the order of {@link Row#values()}; ticket_id first. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Reads the file, handing loadable rows to {@code rows} in order, the first of each ticket_id only.
     * The header is read first, so {@link #columns()} is known before the first row arrives.
     */
    public Outcome read(InputStream in, Consumer<Row> rows) throws IOException {
        CsvRecords records = new CsvRecords(in);
        List<Skipped> skipped = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int[] loaded = {0};
        int[][] positions = {null}; // per known column: its index in the file
        records.forEach(record -> {
            if (positions[0] == null) {
                positions[0] = header(record);
                return;
            }
            String problem = record.broken();
            Object[] values = null;
            if (problem == null) {
                if (record.fields().size() != headerSize) {
                    problem = "wrong number of fields: " + record.fields().size() + ", the header has " + headerSize;
                } else {
                    try {
                        values = values(record.fields(), positions[0]);
                    } catch (IllegalArgumentException e) {
                        problem = e.getMessage();
                    }
                }
            }
            if (problem == null) {
                String id = (String) values[0];
                Integer first = seen.putIfAbsent(id, record.line());
                if (first != null) {
                    problem = "ticket_id " + id + " already seen on line " + first + " (the first is kept)";
                }
            }
            if (problem != null) {
                skipped.add(new Skipped(record.line(), problem));
            } else {
                rows.accept(new Row(record.line(), values));
                loaded[0]++;
            }
        });
        if (positions[0] == null) {
            throw new BadHeader("the file is empty: it needs a header row naming the columns, e.g. "
                    + String.join(",", COLUMNS));
        }
        return new Outcome(records.physicalLines(), loaded[0], List.copyOf(skipped));
    }

    private int headerSize;

    private int[] header(CsvRecords.Record record) {
        if (record.broken() != null) {
            throw new BadHeader("the header row cannot be read: " + record.broken());
        }
        headerSize = record.fields().size();
        List<String> known = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (String column : COLUMNS) {
            for (int i = 0; i < record.fields().size(); i++) {
                if (record.fields().get(i).trim().toLowerCase(Locale.ROOT).equals(column)) {
                    if (known.contains(column)) {
                        throw new BadHeader("the header names " + column + " twice");
                    }
                    known.add(column);
                    at.add(i);
                }
            }
        }
        if (!known.contains("ticket_id")) {
            throw new BadHeader("the header has no ticket_id column (it has: " + String.join(",", record.fields()) + ")");
        }
        columns = List.copyOf(known);
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private Object[] values(List<String> fields, int[] positions) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            String column = columns.get(i);
            String raw = fields.get(positions[i]);
            values[i] = value(column, raw);
        }
        if (values[0] == null) {
            throw new IllegalArgumentException("ticket_id is empty");
        }
        return values;
    }

    private Object value(String column, String raw) {
        String text = raw.replace("\0", ""); // PostgreSQL text cannot hold NUL
        if (text.isBlank()) {
            return null;
        }
        if (column.equals("severity")) {
            try {
                return Integer.valueOf(Short.parseShort(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unparseable severity '" + abbreviate(text) + "'");
            }
        }
        if (INSTANTS.contains(column)) {
            return instant(column, text.trim()).atOffset(java.time.ZoneOffset.UTC);
        }
        return text;
    }

    /** ISO-8601 with an offset or Z, or a local date-time read in the reporting zone. */
    Instant instant(String column, String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(iso);
                List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                if (offsets.size() == 1) {
                    return local.atOffset(offsets.get(0)).toInstant();
                }
                ZoneOffsetTransition t = zone.getRules().getTransition(local);
                throw new IllegalArgumentException(column + " " + text + (offsets.isEmpty()
                        ? " does not exist in " + zone + " (clocks jump from " + t.getDateTimeBefore() + " to "
                                + t.getDateTimeAfter() + ")"
                        : " is ambiguous in " + zone + " (it happens twice); give an offset"));
            } catch (DateTimeException notLocal) {
                throw new IllegalArgumentException("unparseable instant in " + column + ": '" + abbreviate(text)
                        + "' (ISO-8601, e.g. 2026-10-01T09:30:00+05:30 or 2026-10-01T09:30)");
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
