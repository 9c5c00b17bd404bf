package com.example.slacompliance.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams an RFC 4180 CSV file in UTF-8 as records, each with the physical line it starts on (1 = the
 * first line). Quoted fields may hold commas, doubled quotes and line breaks. A record that cannot be
 * read (invalid UTF-8, a quote left open) comes out as a broken record with its reason.
 */
final class CsvRecords {

    /** One record: its fields, or why it is broken; {@code line} is where it starts (or where the open quote is). */
    record Record(int line, List<String> fields, String broken) {
    }

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int lineNumber;
    private int physicalLines;

    CsvRecords(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** How many physical lines were read. */
    int physicalLines() {
        return physicalLines;
    }

    /** Calls {@code sink} for every record, in order. */
    void forEach(Consumer<Record> sink) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStarted = false;
        boolean afterQuote = false;
        int recordLine = 0;
        int quoteLine = 0;
        String broken = null;
        String line;
        while ((line = nextLine()) != null) {
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!inQuotes) {
                recordLine = lineNumber;
                if (line.isEmpty() && lineValid) {
                    continue; // blank line between records
                }
            }
            if (!lineValid) {
                broken = broken == null ? "invalid UTF-8 on line " + lineNumber : broken;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            inQuotes = false;
                            afterQuote = true;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                    afterQuote = false;
                } else if (c == '"' && !fieldStarted) {
                    inQuotes = true;
                    fieldStarted = true;
                    quoteLine = lineNumber;
                } else {
                    if (afterQuote || c == '"') {
                        broken = broken == null ? "stray quote in a field" : broken;
                    }
                    field.append(c);
                    fieldStarted = true;
                }
            }
            if (inQuotes) {
                field.append('\n'); // a line break inside a quoted field
                continue;
            }
            fields.add(field.toString());
            sink.accept(new Record(recordLine, List.copyOf(fields), broken));
            fields.clear();
            field.setLength(0);
            fieldStarted = false;
            afterQuote = false;
            broken = null;
        }
        if (inQuotes) {
            sink.accept(new Record(quoteLine, List.of(), "a quote opened here is never closed"));
        }
    }

    /** Whether the last line read was valid UTF-8 (an invalid one reads as empty). */
    private boolean lineValid;

    /** The next physical line without its line break (CRLF or LF); null at the end. */
    private String nextLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            bytes.write(b);
        }
        if (!any) {
            return null;
        }
        lineNumber++;
        physicalLines++;
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            lineValid = true;
            return utf8.decode(ByteBuffer.wrap(raw, 0, length)).toString();
        } catch (CharacterCodingException e) {
            lineValid = false;
            return "";
        }
    }
}
