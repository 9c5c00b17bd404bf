package com.example.slacompliance.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The binary COPY encoding, byte for byte as PostgreSQL's documentation of {@code COPY ... (FORMAT
 * binary)} and of each type's binary form gives it: all integers big-endian.
 */
class CopyBinaryTest {

    /** "PGCOPY\n\377\r\n\0", int32 flags 0, int32 header extension length 0. */
    static final byte[] HEADER = {0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, (byte) 0xFF, 0x0D, 0x0A, 0x00,
        0, 0, 0, 0, 0, 0, 0, 0};

    /** int16 -1. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    @Test
    void noRowsIsTheHeaderAndTheTrailer() throws SQLException {
        copy().end();
        assertThat(sent.toByteArray()).isEqualTo(concat(HEADER, TRAILER));
    }

    @Test
    void aRowIsItsFieldCountThenEachFieldsLengthAndBytes() throws SQLException {
        copy().row(null, (short) 3, 4_000_000_000L, "é\uD83D\uDE00").end();
        byte[] data = sent.toByteArray();
        assertThat(data).isEqualTo(concat(HEADER,
                bytes(0x00, 0x04),                                      // 4 fields
                bytes(0xFF, 0xFF, 0xFF, 0xFF),                          // NULL: length -1, no bytes
                bytes(0x00, 0x00, 0x00, 0x02, 0x00, 0x03),              // smallint: 2 bytes
                bytes(0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0xEE, 0x6B, 0x28, 0x00), // bigint 4e9
                bytes(0x00, 0x00, 0x00, 0x06, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80),          // UTF-8 é, U+1F600
                TRAILER));
    }

    @Test
    void negativeNumbersAreTwosComplement() throws SQLException {
        byte[] data = data(copy().row((short) -2, -1L));
        assertThat(Arrays.copyOfRange(data, HEADER.length, data.length)).isEqualTo(bytes(0x00, 0x02,
                0x00, 0x00, 0x00, 0x02, 0xFF, 0xFE,
                0x00, 0x00, 0x00, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
    }

    @Test
    void aRowOfSomePositionsHasThoseFieldsInTheirOrder() throws SQLException {
        byte[] data = data(copy().row(new Object[] {"a", "left out", 5L, null}, new int[] {2, 0}));
        assertThat(Arrays.copyOfRange(data, HEADER.length, data.length)).isEqualTo(concat(bytes(0x00, 0x02),
                bytes(0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05),
                bytes(0x00, 0x00, 0x00, 0x01, 'a')));
    }

    @Test
    void textIsStorableTextAndMixedRowsGrowTheBuffer() throws SQLException {
        byte[] data = data(copy().row("a\0b", "", "x".repeat(300), "ü"));
        byte[] expected = concat(bytes(0x00, 0x04),
                bytes(0x00, 0x00, 0x00, 0x02, 'a', 'b'),                // NUL removed, as Text.storable does
                bytes(0x00, 0x00, 0x00, 0x00),                          // empty, not NULL
                bytes(0x00, 0x00, 0x01, 0x2C), "x".repeat(300).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                bytes(0x00, 0x00, 0x00, 0x02, 0xC3, 0xBC));
        assertThat(Arrays.copyOfRange(data, HEADER.length, data.length)).isEqualTo(expected);
    }

    @Test
    void timestampsAreMicrosecondsSince2000() {
        assertThat(CopyBinary.microseconds(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(CopyBinary.microseconds(Instant.parse("1999-12-31T23:59:59Z"))).isEqualTo(-1_000_000L);
        // 1850-01-01 to 2000-01-01: 150 years of 365 days and 36 leap days (1852 to 1996 but 1900)
        assertThat(CopyBinary.microseconds(Instant.parse("1850-01-01T00:00:00Z")))
                .isEqualTo(-(150L * 365 + 36) * 86_400 * 1_000_000);
        // 2000-01-01 to 2090-01-01: 90 years of 365 days and 23 leap days (2000 to 2088)
        assertThat(CopyBinary.microseconds(Instant.parse("2090-01-01T00:00:01Z")))
                .isEqualTo(((90L * 365 + 23) * 86_400 + 1) * 1_000_000);
    }

    @Test
    void timestampsKeepWholeSecondsOnlyAsTheTextCopyDid() {
        assertThat(CopyBinary.microseconds(Instant.parse("2000-01-01T00:00:00.999999Z"))).isZero();
        assertThat(CopyBinary.microseconds(Instant.parse("1999-12-31T23:59:59.5Z"))).isEqualTo(-1_000_000L);
    }

    @Test
    void aTimestampFieldIsEightBytes() throws SQLException {
        byte[] data = data(copy().row(Instant.parse("1999-12-31T23:59:59Z")));
        assertThat(Arrays.copyOfRange(data, HEADER.length, data.length)).isEqualTo(bytes(0x00, 0x01,
                0x00, 0x00, 0x00, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0, 0xBD, 0xC0)); // -1,000,000
    }

    @Test
    void instantsBeyondMicrosecondsInALongAreRefused() {
        assertThatThrownBy(() -> CopyBinary.microseconds(Instant.MAX)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aValueOfNoKnownColumnTypeIsRefused() {
        assertThatThrownBy(() -> copy().row(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsLongerThanTheBufferArriveWholeAndInOrder() throws SQLException {
        var sent = new java.io.ByteArrayOutputStream();
        List<Integer> writes = new ArrayList<>();
        CopyBinary copy = new CopyBinary((bytes, offset, length) -> {
            writes.add(length);
            sent.write(bytes, offset, length);
        }, 32);
        var expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes(HEADER);
        for (int i = 0; i < 20; i++) {
            String text = "é".repeat(i * 3) + i; // 2-byte characters: encoded apart from the ASCII fast path
            copy.row((long) i, text);
            expected.writeBytes(bytes(0x00, 0x02, 0x00, 0x00, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0, i));
            byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            expected.writeBytes(bytes(0x00, 0x00, utf8.length >> 8, utf8.length));
            expected.writeBytes(utf8);
        }
        copy.end();
        expected.writeBytes(TRAILER);
        assertThat(sent.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(writes).hasSizeGreaterThan(10).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void nothingIsSentUntilTheBufferFillsOrTheEnd() throws SQLException {
        List<Integer> writes = new ArrayList<>();
        CopyBinary copy = new CopyBinary((bytes, offset, length) -> writes.add(length), 1024);
        copy.row("a", 1L);
        assertThat(writes).isEmpty();
        copy.end();
        assertThat(writes).containsExactly(HEADER.length + 2 + 5 + 12 + TRAILER.length);
    }

    /** A COPY into a small buffer, so that the tests cross its ends. */
    private final java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();

    private CopyBinary copy() {
        return new CopyBinary((bytes, offset, length) -> sent.write(bytes, offset, length), 24);
    }

    private byte[] data(CopyBinary copy) throws SQLException {
        copy.flush();
        return sent.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
