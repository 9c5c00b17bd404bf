package com.example.slacompliance.workbook;

import static com.example.slacompliance.workbook.Cells.MILLIS_PER_DAY;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The XML of one streamed sheet, written through {@link Utf8Writer} into a temporary file, deflated
 * for the xlsx as it is written ({@link DeflatedXml}).
 *
 * <p>SXSSF writes the rows it is given as POI row and cell objects. The long lists write their rows
 * here directly instead ({@link #startRow}, then the cells in column order): the XML SXSSF would
 * write, as UTF-8 bytes, without an object, a tree map entry and a cell reference per cell, which
 * were most of the time of a listed row. A sheet takes its SXSSF rows (title, header) first; once it
 * lists rows this way, it takes no more SXSSF rows.
 *
 * <p>Two attributes that SXSSF writes on every cell and that have a default are left out: a cell's
 * reference ({@code r="B12"}) when the cell is in the column after the previous cell of its row (the
 * first cell of a row: column A), which is where a reader puts a cell without one (ECMA-376 Part 1,
 * 18.3.1.4: {@code r} is optional), and a number's type ({@code t="n"}, the default type). The row
 * keeps its number. That is a fifth of the bytes of a long list's XML to write and to deflate: at a
 * million tickets 328 MB became 258 MB, 0.95x the time of the whole run. A cell after a skipped column
 * still has its reference.
 */
final class SheetXml extends SheetDataWriter implements Cells.Target {

    private static final byte[] ROW = ascii("<row r=\"");
    private static final byte[] ROW_OPENED = ascii("\">\n");
    private static final byte[] ROW_END = ascii("</row>\n");
    private static final byte[] CELL = ascii("<c");
    private static final byte[] REFERENCE = ascii(" r=\"");
    private static final byte[] QUOTE = ascii("\"");
    private static final byte[] TEXT = ascii(" t=\"inlineStr\"><is><t>");
    private static final byte[] TEXT_PRESERVED = ascii(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] TEXT_END = ascii("</t></is></c>");
    private static final byte[] NUMBER = ascii("><v>"); // a number is a cell's default type
    private static final byte[] NUMBER_END = ascii("</v></c>");
    private static final byte[] BLANK = ascii("></c>");
    private static final byte[] QUESTION_MARK = ascii("?");
    /** The entity of each ASCII character escaped as SXSSF escapes it ({@code ?} for other controls), else null. */
    private static final byte[][] ESCAPED = new byte[128][];

    static {
        for (char c = 0; c < ' '; c++) {
            ESCAPED[c] = QUESTION_MARK;
        }
        ESCAPED['\n'] = ascii("&#xa;");
        ESCAPED['\r'] = ascii("&#xd;");
        ESCAPED['\t'] = ascii("&#x9;");
        ESCAPED['<'] = ascii("&lt;");
        ESCAPED['>'] = ascii("&gt;");
        ESCAPED['&'] = ascii("&amp;");
        ESCAPED['"'] = ascii("&quot;");
    }

    private static final byte[] NO_BREAK_SPACE = ascii("&#xa0;");
    private static final int DECIMAL_PLACES = 11; // of days
    private static final long DECIMALS = 100_000_000_000L;

    private final Utf8Writer out;
    private final DeflatedXml deflated;
    private final byte[] digits = new byte[24];
    private byte[] rowNumber; // of the row being written, as Excel numbers it (from 1), or null
    private int lastColumn;
    private int listedRows;
    private int lastListedRow = -1;
    private byte[][] columnNames = new byte[0][]; // "A", "B", ... by column index
    private byte[][] styleAttributes = new byte[0][]; // " s=\"12\"" by style index

    SheetXml(SharedStringsTable sharedStrings) throws IOException {
        super(sharedStrings);
        this.out = (Utf8Writer) _out;
        this.deflated = (DeflatedXml) out.target();
    }

    /** The sheet's XML goes to its temporary file deflated, as it is written (see {@link DeflatedXml}). */
    @Override
    public Writer createWriter(File file) throws IOException {
        return new Utf8Writer(new DeflatedXml(new FileOutputStream(file)));
    }

    /** The XML read back (by SXSSF's own zip, which {@link StreamedWorkbook} does not use for its sheets). */
    @Override
    protected InputStream decorateInputStream(FileInputStream file) {
        Inflater inflater = new Inflater(true);
        return new InflaterInputStream(new SequenceInputStream(file, new ByteArrayInputStream(DeflatedXml.FINAL_BLOCK)),
                inflater) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }

    /** The sheet's XML as written so far, deflated (see {@link DeflatedXml}); complete once the sheet is closed. */
    DeflatedXml deflated() {
        return deflated;
    }

    /** The deflated bytes of {@link #deflated}. */
    InputStream deflatedData() throws IOException {
        return new FileInputStream(getTempFile());
    }

    /** Starts row {@code rownum} (0-based), after the previous one and after every SXSSF row of the sheet. */
    void startRow(int rownum) {
        if (rownum <= getLastFlushedRow()) {
            throw new IllegalStateException("row " + rownum + " comes after row " + getLastFlushedRow());
        }
        endRow();
        rowNumber = ascii(Integer.toString(rownum + 1));
        lastColumn = -1;
        lastListedRow = rownum;
        listedRows++;
        write(ROW);
        write(rowNumber);
        write(ROW_OPENED);
    }

    /** Ends the row being written, if any. */
    void endRow() {
        if (rowNumber != null) {
            write(ROW_END);
            rowNumber = null;
        }
    }

    /** Text as an inline string, escaped as SXSSF escapes it. */
    @Override
    public void text(int column, String text, CellStyle style) {
        startCell(column, style);
        boolean preserve = !text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1)));
        write(preserve ? TEXT_PRESERVED : TEXT);
        escaped(text.getBytes(UTF_8));
        write(TEXT_END);
    }

    @Override
    public void number(int column, double value, CellStyle style) {
        startCell(column, style);
        write(NUMBER);
        write(ascii(Double.toString(value)));
        write(NUMBER_END);
    }

    /**
     * Milliseconds as a number of days, written with 11 decimals (to half a microsecond, closer than a
     * double holds a date) without {@code Double.toString}, which was a fifth of the time of a listed row.
     */
    @Override
    public void days(int column, long millis, CellStyle style) {
        startCell(column, style);
        write(NUMBER);
        long whole = Math.floorDiv(millis, MILLIS_PER_DAY);
        long fraction = (Math.floorMod(millis, MILLIS_PER_DAY) * DECIMALS + MILLIS_PER_DAY / 2) / MILLIS_PER_DAY;
        long total = whole * DECIMALS + fraction; // a fraction rounded up to 1 carries into the whole days
        int end = digits.length;
        int at = end;
        long magnitude = Math.abs(total);
        long decimals = magnitude % DECIMALS;
        if (decimals != 0) {
            int places = DECIMAL_PLACES;
            while (decimals % 10 == 0) {
                decimals /= 10;
                places--;
            }
            for (int i = 0; i < places; i++, decimals /= 10) {
                digits[--at] = (byte) ('0' + decimals % 10);
            }
            digits[--at] = '.';
        }
        long integer = magnitude / DECIMALS;
        do {
            digits[--at] = (byte) ('0' + integer % 10);
            integer /= 10;
        } while (integer != 0);
        if (total < 0) {
            digits[--at] = '-';
        }
        write(digits, at, end - at);
        write(NUMBER_END);
    }

    @Override
    public void blank(int column, CellStyle style) {
        startCell(column, style);
        write(BLANK);
    }

    @Override
    public int getLastFlushedRow() {
        return Math.max(super.getLastFlushedRow(), lastListedRow);
    }

    @Override
    public int getNumberOfFlushedRows() {
        return super.getNumberOfFlushedRows() + listedRows;
    }

    private void startCell(int column, CellStyle style) {
        if (rowNumber == null || column <= lastColumn) {
            throw new IllegalStateException("cell " + column + " outside a row or not after cell " + lastColumn);
        }
        write(CELL);
        if (column != lastColumn + 1) { // a reader puts a cell without a reference after the previous one
            write(REFERENCE);
            write(columnName(column));
            write(rowNumber);
            write(QUOTE);
        }
        lastColumn = column;
        int index = style.getIndex() & 0xffff;
        if (index != 0) {
            write(styleAttribute(index));
        }
    }

    private byte[] columnName(int column) {
        if (column >= columnNames.length) {
            columnNames = Arrays.copyOf(columnNames, column + 1);
        }
        if (columnNames[column] == null) {
            columnNames[column] = ascii(CellReference.convertNumToColString(column));
        }
        return columnNames[column];
    }

    private byte[] styleAttribute(int index) {
        if (index >= styleAttributes.length) {
            styleAttributes = Arrays.copyOf(styleAttributes, index + 1);
        }
        if (styleAttributes[index] == null) {
            styleAttributes[index] = ascii(" s=\"" + index + "\"");
        }
        return styleAttributes[index];
    }

    /**
     * UTF-8 text with {@code < > & "}, line breaks, tabs and no-break spaces as entities, other control
     * characters and U+FFFE/U+FFFF as {@code ?}: what SXSSF writes. Every byte of a multi-byte UTF-8
     * character is 0x80 or above, so the ASCII ones are found byte by byte; runs go out whole.
     */
    private void escaped(byte[] utf8) {
        int run = 0;
        for (int i = 0, n = utf8.length; i < n; i++) {
            byte b = utf8[i];
            byte[] entity;
            int skip = 0;
            if (b >= 0) {
                entity = ESCAPED[b];
            } else if (b == (byte) 0xC2 && i + 1 < n && utf8[i + 1] == (byte) 0xA0) { // U+00A0
                entity = NO_BREAK_SPACE;
                skip = 1;
            } else if (b == (byte) 0xEF && i + 2 < n && utf8[i + 1] == (byte) 0xBF
                    && (utf8[i + 2] == (byte) 0xBE || utf8[i + 2] == (byte) 0xBF)) { // U+FFFE, U+FFFF
                entity = QUESTION_MARK;
                skip = 2;
            } else {
                continue;
            }
            if (entity != null) {
                write(utf8, run, i - run);
                write(entity);
                i += skip;
                run = i + 1;
            }
        }
        write(utf8, run, utf8.length - run);
    }

    private void write(byte[] utf8) {
        write(utf8, 0, utf8.length);
    }

    private void write(byte[] utf8, int offset, int length) {
        try {
            out.writeUtf8(utf8, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(US_ASCII);
    }
}
