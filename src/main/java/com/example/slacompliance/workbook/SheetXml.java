package com.example.slacompliance.workbook;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The XML of one streamed sheet, in a plain temporary file written through {@link Utf8Writer}.
 *
 * <p>SXSSF writes the rows it is given as POI row and cell objects. The long lists write their rows
 * here directly instead ({@link #startRow}, then the cells in column order): the same XML SXSSF would
 * write, without an object, a tree map entry and a cell reference per cell, which were most of the
 * time of a listed row. A sheet takes its SXSSF rows (title, header) first; once it lists rows this
 * way, it takes no more SXSSF rows.
 */
final class SheetXml extends SheetDataWriter implements Cells.Target {

    private String rowNumber; // of the row being written, as Excel numbers it (from 1)
    private int lastColumn;
    private int listedRows;
    private int lastListedRow = -1;
    private String[] columnNames = new String[0]; // "A", "B", ... by column index
    private String[] styleAttributes = new String[0]; // " s=\"12\"" by style index

    SheetXml(SharedStringsTable sharedStrings) throws IOException {
        super(sharedStrings);
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        return new Utf8Writer(new FileOutputStream(file));
    }

    /** Starts row {@code rownum} (0-based), after the previous one and after every SXSSF row of the sheet. */
    void startRow(int rownum) {
        if (rownum <= getLastFlushedRow()) {
            throw new IllegalStateException("row " + rownum + " comes after row " + getLastFlushedRow());
        }
        endRow();
        rowNumber = Integer.toString(rownum + 1);
        lastColumn = -1;
        lastListedRow = rownum;
        listedRows++;
        write("<row r=\"");
        write(rowNumber);
        write("\">\n");
    }

    /** Ends the row being written, if any. */
    void endRow() {
        if (rowNumber != null) {
            write("</row>\n");
            rowNumber = null;
        }
    }

    /** Text as an inline string, escaped as SXSSF escapes it. */
    @Override
    public void text(int column, String text, CellStyle style) {
        startCell(column, style);
        write(" t=\"inlineStr\"><is><t");
        if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            write(" xml:space=\"preserve\"");
        }
        write(">");
        escaped(text);
        write("</t></is></c>");
    }

    @Override
    public void number(int column, double value, CellStyle style) {
        startCell(column, style);
        write(" t=\"n\"><v>");
        write(Double.toString(value));
        write("</v></c>");
    }

    @Override
    public void blank(int column, CellStyle style) {
        startCell(column, style);
        write("></c>");
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
        lastColumn = column;
        write("<c r=\"");
        write(columnName(column));
        write(rowNumber);
        write("\"");
        int index = style.getIndex() & 0xffff;
        if (index != 0) {
            write(styleAttribute(index));
        }
    }

    private String columnName(int column) {
        if (column >= columnNames.length) {
            columnNames = Arrays.copyOf(columnNames, column + 1);
        }
        if (columnNames[column] == null) {
            columnNames[column] = CellReference.convertNumToColString(column);
        }
        return columnNames[column];
    }

    private String styleAttribute(int index) {
        if (index >= styleAttributes.length) {
            styleAttributes = Arrays.copyOf(styleAttributes, index + 1);
        }
        if (styleAttributes[index] == null) {
            styleAttributes[index] = " s=\"" + index + "\"";
        }
        return styleAttributes[index];
    }

    /**
     * The text with {@code < > & "}, line breaks, tabs and no-break spaces as entities, other control
     * characters and U+FFFE/U+FFFF as {@code ?}: what SXSSF writes. Runs of plain characters go out whole.
     */
    private void escaped(String text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            String entity = c >= ' ' && c < '\u00A0' ? plain(c) : special(c);
            if (entity != null) {
                write(text, run, i - run);
                write(entity);
                run = i + 1;
            }
        }
        write(text, run, text.length() - run);
    }

    /** The entity of a printable ASCII (or DEL to U+009F) character, or null when it is written as it is. */
    private static String plain(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            default -> null;
        };
    }

    private static String special(char c) {
        return switch (c) {
            case '\n' -> "&#xa;";
            case '\r' -> "&#xd;";
            case '\t' -> "&#x9;";
            case '\u00A0' -> "&#xa0;";
            case '\uFFFE', '\uFFFF' -> "?";
            default -> c < ' ' ? "?" : null;
        };
    }

    private void write(String s) {
        write(s, 0, s.length());
    }

    private void write(String s, int offset, int length) {
        try {
            _out.write(s, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
