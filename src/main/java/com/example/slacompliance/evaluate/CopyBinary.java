package com.example.slacompliance.evaluate;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Rows in PostgreSQL's binary COPY format, for {@code COPY ... FROM STDIN (FORMAT binary)}. Binary
 * rather than text because parsing text costs the server much of a COPY's CPU, timestamps above all
 * ({@code timestamptz_in}); binary values are read as they are. The server checks each field's length
 * against its column type, so a value must be written in exactly the column's width: {@link Short}
 * for smallint (2 bytes), {@link Long} for bigint (8 bytes), {@link String} for text (UTF-8) and
 * {@link Instant} for timestamptz (8 bytes: microseconds since 2000-01-01 UTC, of the instant's whole
 * seconds, like the text format this replaced).
 *
 * <p>Rows go to the {@link Sink} (the COPY) whenever the buffer fills, so the server reads a chunk's
 * first rows while the next are encoded, and the buffer stays small: a whole chunk's rows in one array
 * (1.6 MB for 5,000) were "humongous" objects to G1, and each one set off a collection.
 */
final class CopyBinary {

    /** Where full buffers go: {@code CopyIn::writeToCopy}. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    /** The buffer's size: well below G1's smallest humongous object (half a 1 MB region). */
    static final int BUFFER = 64 * 1024;

    /** The signature, flags (no OIDs) and header extension length that start the data. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};

    /** Seconds from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private final Sink sink;
    private byte[] bytes;
    private int length;

    CopyBinary(Sink sink) {
        this(sink, BUFFER);
    }

    /** {@code capacity}: the buffer's size; it grows only for a field larger than that. */
    CopyBinary(Sink sink, int capacity) {
        this.sink = sink;
        bytes = new byte[Math.max(capacity, HEADER.length)];
        System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
        length = HEADER.length;
    }

    /** Appends a row: each value null, a String, a Short, a Long or an Instant (see the class comment). */
    CopyBinary row(Object... values) throws SQLException {
        ensure(2);
        putShort(values.length);
        for (Object v : values) {
            field(v);
        }
        return this;
    }

    /** Appends a row of the values at {@code positions}, in their order. */
    CopyBinary row(Object[] values, int[] positions) throws SQLException {
        ensure(2);
        putShort(positions.length);
        for (int position : positions) {
            field(values[position]);
        }
        return this;
    }

    private void field(Object v) throws SQLException {
        if (v == null) {
            ensure(4);
            putInt(-1);
        } else if (v instanceof String s) {
            text(s);
        } else if (v instanceof Instant instant) {
            ensure(12);
            putInt(8);
            putLong(microseconds(instant));
        } else if (v instanceof Long n) {
            ensure(12);
            putInt(8);
            putLong(n);
        } else if (v instanceof Short n) {
            ensure(6);
            putInt(2);
            putShort(n);
        } else {
            throw new IllegalArgumentException("no binary COPY encoding for " + v.getClass().getName());
        }
    }

    /** Appends the trailer and sends what the buffer still holds. */
    void end() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
    }

    /** Sends what the buffer holds. */
    void flush() throws SQLException {
        if (length > 0) {
            sink.write(bytes, 0, length);
            length = 0;
        }
    }

    /**
     * PostgreSQL's timestamp: microseconds since 2000-01-01 UTC, of the instant's whole seconds. Throws
     * rather than wraps for instants no {@code long} can count in microseconds (the server rejects
     * those past its own range anyway).
     */
    static long microseconds(Instant instant) {
        return Math.multiplyExact(Math.subtractExact(instant.getEpochSecond(), POSTGRES_EPOCH_SECOND), 1_000_000L);
    }

    /**
     * Length then UTF-8 bytes; ASCII (nearly all ticket text) is copied without encoding first. PostgreSQL
     * text cannot hold NUL: it is left out ({@link Text#storable}).
     */
    private void text(String s) throws SQLException {
        int n = s.length();
        ensure(4 + n);
        int start = length;
        length += 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                length = start;
                byte[] utf8 = Text.storable(s).getBytes(StandardCharsets.UTF_8);
                ensure(4 + utf8.length);
                putInt(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                return;
            }
            bytes[length++] = (byte) c;
        }
        int end = length;
        length = start;
        putInt(n);
        length = end;
    }

    /** Room for {@code more} bytes: sends the buffer when it has too little left, grows it for a larger field. */
    private void ensure(int more) throws SQLException {
        if (length + more > bytes.length) {
            flush();
            if (more > bytes.length) {
                bytes = new byte[more];
            }
        }
    }

    private void putShort(int v) {
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void putInt(int v) {
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
