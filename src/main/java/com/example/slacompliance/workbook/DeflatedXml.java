package com.example.slacompliance.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A sheet's XML deflated as it is written, by the thread that writes the sheet, so that the xlsx's zip
 * copies it as it is instead of deflating hundreds of megabytes on one thread at the end.
 *
 * <p>The bytes are raw deflate data at the fastest level ending in a sync flush rather than a final
 * block: they end on a byte boundary, so that {@link StreamedWorkbook} can put the sheet's head
 * ({@link #deflate}d with a sync flush) before them and its tail (deflated to the end) after them, and
 * the three pieces read as one deflate stream. The zip entry's CRC is that of the three pieces'
 * uncompressed bytes, made from the pieces' own CRCs by {@link #crcOfBoth}.
 */
final class DeflatedXml extends OutputStream {

    /** An empty final block (fixed codes, only the end-of-block code): after the data, a whole deflate stream. */
    static final byte[] FINAL_BLOCK = {0x03, 0x00};

    private final OutputStream file;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private long size;
    private long deflatedSize;
    private boolean closed;

    DeflatedXml(OutputStream file) {
        this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (closed) {
            throw new IOException("the sheet's XML is closed");
        }
        crc.update(bytes, offset, length);
        size += length;
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            deflateInto(file, Deflater.NO_FLUSH);
        }
    }

    /** Ends the data with a sync flush (no final block) and closes the file; again, does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (deflateInto(file, Deflater.SYNC_FLUSH) == buffer.length) {
                // a full buffer: the flush may have more to give
            }
        } finally {
            deflater.end();
            file.close();
        }
    }

    /** The uncompressed bytes written. */
    long size() {
        return size;
    }

    /** The deflated bytes in the file. */
    long deflatedSize() {
        return deflatedSize;
    }

    /** The CRC-32 of the uncompressed bytes written. */
    long crc() {
        return crc.getValue();
    }

    private int deflateInto(OutputStream out, int flush) throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length, flush);
        out.write(buffer, 0, n);
        deflatedSize += n;
        return n;
    }

    /**
     * Bytes deflated at the fastest level on their own: with a final block when {@code last}, else
     * ending in a sync flush, to be followed by more deflate data.
     */
    static byte[] deflate(byte[] bytes, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(bytes);
            if (last) {
                deflater.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
                if (last ? deflater.finished() : n < buffer.length) {
                    return out.toByteArray();
                }
            }
        } finally {
            deflater.end();
        }
    }

    /** The CRC-32 of some bytes. */
    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * The CRC-32 of two pieces one after the other, from the CRC of each and the second's length (zlib's
     * {@code crc32_combine}: the first CRC is carried through the second's length of zero bits, by
     * repeated squaring of the operator that appends one zero bit, then the second CRC is added).
     */
    static long crcOfBoth(long crcFirst, long crcSecond, long secondLength) {
        if (secondLength <= 0) {
            return crcFirst;
        }
        long[] odd = new long[32]; // the operator for one zero bit, then for powers of two
        long[] even = new long[32];
        odd[0] = 0xEDB88320L; // the CRC-32 polynomial, reflected
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crcFirst;
        long length = secondLength;
        while (true) {
            square(even, odd); // the first time: one zero byte
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>= 1;
            if (length == 0) {
                break;
            }
        }
        return crc ^ crcSecond;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
