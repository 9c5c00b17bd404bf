package com.example.slacompliance.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer for one thread. SXSSF writes each cell's XML in many small pieces; through
 * {@code BufferedWriter} and {@code OutputStreamWriter} each piece takes two locks and an encoder call,
 * which was the largest single cost of writing the long sheets. This one copies chars into bytes.
 *
 * <p>A surrogate pair split across two writes is joined; a lone surrogate becomes {@code ?}, as the
 * JDK's UTF-8 encoder replaces it.
 */
final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int size;
    private char pendingHigh; // a high surrogate waiting for its low half, or 0

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    /** The stream it writes to. */
    OutputStream target() {
        return out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            // ASCII straight into the buffer, as far as it has room; anything else through put
            int stop = pendingHigh == 0 ? Math.min(end, i + buffer.length - 4 - size) : i;
            for (char c; i < stop && (c = text.charAt(i)) < 0x80; i++) {
                buffer[size++] = (byte) c;
            }
            if (i < end) {
                put(text.charAt(i++));
            }
        }
    }

    /** The whole string: through the JDK's own UTF-8 encoder, which copies ASCII text in bulk. */
    @Override
    public void write(String text) throws IOException {
        int length = text.length();
        if (pendingHigh != 0 || length == 0 || Character.isHighSurrogate(text.charAt(length - 1))) {
            write(text, 0, length); // a surrogate pair may be split across this write and the next
        } else {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            writeUtf8(utf8, 0, utf8.length);
        }
    }

    /** Bytes that are already UTF-8, a whole number of characters. */
    void writeUtf8(byte[] utf8, int offset, int n) throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            put('?');
        }
        if (n > buffer.length - size) {
            drain();
            if (n > buffer.length) {
                out.write(utf8, offset, n);
                return;
            }
        }
        System.arraycopy(utf8, offset, buffer, size, n);
        size += n;
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        String s = String.valueOf(text);
        write(s, 0, s.length());
        return this;
    }

    private void put(char c) throws IOException {
        if (size > buffer.length - 4) {
            drain();
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int code = Character.toCodePoint(high, c);
                buffer[size++] = (byte) (0xF0 | code >> 18);
                buffer[size++] = (byte) (0x80 | code >> 12 & 0x3F);
                buffer[size++] = (byte) (0x80 | code >> 6 & 0x3F);
                buffer[size++] = (byte) (0x80 | code & 0x3F);
                return;
            }
            buffer[size++] = '?';
            put(c);
            return;
        }
        if (c < 0x80) {
            buffer[size++] = (byte) c;
        } else if (c < 0x800) {
            buffer[size++] = (byte) (0xC0 | c >> 6);
            buffer[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buffer[size++] = '?';
        } else {
            buffer[size++] = (byte) (0xE0 | c >> 12);
            buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            buffer[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            put('?');
        }
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
