package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** A sheet's rows deflated as written, then put between a head and a tail as one deflate stream. */
class DeflatedXmlTest {

    private final Random random = new Random(7);

    @Test
    void headRowsAndTailDeflatedApartInflateAsOneStreamWithTheCrcOfTheirBytes() throws IOException {
        for (int rowsLength : new int[] {0, 1, 100, 70_000, 1_000_000}) {
            byte[] head = xml(300);
            byte[] rows = xml(rowsLength);
            byte[] tail = xml(120);

            ByteArrayOutputStream file = new ByteArrayOutputStream();
            DeflatedXml deflated = new DeflatedXml(file);
            for (int at = 0; at < rows.length; ) { // in pieces of any size, as the sheet's writer drains
                int n = Math.min(rows.length - at, 1 + random.nextInt(100_000));
                deflated.write(rows, at, n);
                at += n;
            }
            deflated.close();
            deflated.close(); // again: nothing

            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.write(DeflatedXml.deflate(head, false));
            stream.write(file.toByteArray());
            stream.write(DeflatedXml.deflate(tail, true));

            assertThat(inflate(stream.toByteArray())).isEqualTo(concat(head, rows, tail));
            assertThat(deflated.size()).isEqualTo(rowsLength);
            assertThat(deflated.deflatedSize()).isEqualTo(file.size());
            long crcOfAll = DeflatedXml.crcOfBoth(DeflatedXml.crcOfBoth(DeflatedXml.crc(head), deflated.crc(), rows.length),
                    DeflatedXml.crc(tail), tail.length);
            assertThat(crcOfAll).isEqualTo(DeflatedXml.crc(concat(head, rows, tail)));
        }
    }

    @Test
    void theRowsAloneWithAFinalBlockAfterThemInflateToThemselves() throws IOException {
        byte[] rows = xml(50_000);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DeflatedXml deflated = new DeflatedXml(file)) {
            deflated.write(rows);
        }
        assertThat(inflate(concat(file.toByteArray(), DeflatedXml.FINAL_BLOCK))).isEqualTo(rows);
    }

    @Test
    void theCrcOfTwoPiecesIsTheCrcOfOneAfterTheOther() {
        for (int trial = 0; trial < 200; trial++) {
            byte[] first = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(5_000)];
            byte[] second = new byte[random.nextInt(3) == 0 ? random.nextInt(3) : random.nextInt(70_000)];
            random.nextBytes(first);
            random.nextBytes(second);
            assertThat(DeflatedXml.crcOfBoth(DeflatedXml.crc(first), DeflatedXml.crc(second), second.length))
                    .isEqualTo(DeflatedXml.crc(concat(first, second)));
        }
    }

    /** Bytes that look like a sheet's XML: repetitive, with some variety. */
    private byte[] xml(int length) {
        StringBuilder text = new StringBuilder(length + 64);
        while (text.length() < length) {
            text.append("<row r=\"").append(random.nextInt(1_000_000)).append("\"><c r=\"A1\" t=\"inlineStr\"><is><t>T")
                    .append(Long.toHexString(random.nextLong())).append("</t></is></c></row>\n");
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] inflate(byte[] deflated) throws IOException {
        Inflater inflater = new Inflater(true);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), inflater)) {
            byte[] all = in.readAllBytes();
            assertThat(inflater.finished()).as("a final block ends the stream").isTrue();
            return all;
        } finally {
            inflater.end();
        }
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }
}
