package com.example.slacompliance.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * A table on a streamed sheet: a frozen header row with an auto-filter, set column widths, landscape
 * printing one page wide with the header on every page. Past the row limit it continues on a new
 * sheet, {@code Name (2)}, {@code Name (3)} ..., each with its own header, instead of failing.
 *
 * <p>A table takes its rows either as POI rows ({@link #next}: the small sheets) or written straight
 * into the sheet's XML ({@link #nextListed}: the long lists), not both.
 */
final class TableSheet {

    /** Excel's rows per sheet. */
    static final int EXCEL_MAX_ROWS = 1_048_576;

    /** A column: its header and its width in characters. */
    record Column(String header, int width) {
    }

    /** Rows written above the header on the first sheet (a title, a few facts); returns how many. */
    interface Preamble {
        int write(SXSSFSheet sheet);
    }

    private final StreamedWorkbook workbook;
    private final Styles styles;
    private final String name;
    private final List<Column> columns;
    private final int maxRows;
    private final List<String> sheetNames = new ArrayList<>();
    private SXSSFSheet sheet;
    private SheetXml listed; // the sheet's XML, once a row was listed on it
    private int headerRow;
    private int nextRow;
    private long dataRows;

    TableSheet(StreamedWorkbook workbook, Styles styles, String name, List<Column> columns, int maxRows) {
        this(workbook, styles, name, columns, maxRows, s -> 0);
    }

    TableSheet(StreamedWorkbook workbook, Styles styles, String name, List<Column> columns, int maxRows,
               Preamble preamble) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for its header and a row, got " + maxRows + " rows");
        }
        this.workbook = workbook;
        this.styles = styles;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.maxRows = maxRows;
        open(name, preamble);
    }

    /** The next data row, on a continuation sheet when this one is full. */
    Row next() {
        turnPageIfFull();
        dataRows++;
        return sheet.createRow(nextRow++);
    }

    /** The next data row written straight into the sheet's XML (its cells in column order), as {@link #next}. */
    SheetXml nextListed() {
        turnPageIfFull();
        if (listed == null) {
            try {
                sheet.flushRows(0); // the header goes first
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            listed = workbook.xml(sheet);
        }
        dataRows++;
        listed.startRow(nextRow++);
        return listed;
    }

    private void turnPageIfFull() {
        if (nextRow >= maxRows) {
            finishPart();
            open(name + " (" + (sheetNames.size() + 1) + ")", s -> 0);
        }
    }

    /** Sets the auto-filter of the last sheet; call once, after the last row. */
    void finish() {
        finishPart();
    }

    /** The sheet being written (the first one until it is full). */
    SXSSFSheet sheet() {
        return sheet;
    }

    int headerRow() {
        return headerRow;
    }

    /** Index of the last row written on the current sheet (the header row when there is none). */
    int lastRow() {
        return nextRow - 1;
    }

    List<String> sheetNames() {
        return List.copyOf(sheetNames);
    }

    /** Rows written under the headers, on all the sheets. */
    long dataRows() {
        return dataRows;
    }

    private void open(String sheetName, Preamble preamble) {
        sheet = workbook.createSheet(sheetName);
        sheetNames.add(sheetName);
        headerRow = preamble.write(sheet);
        Row header = sheet.createRow(headerRow);
        header.setHeightInPoints(15 * headerLines() + 3);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.getHeader().setLeft("&A"); // the sheet's name
        sheet.getFooter().setRight("Page &P of &N");
        nextRow = headerRow + 1;
    }

    /** Lines the longest header takes when wrapped in its column (bold text is wider than its width in characters). */
    private int headerLines() {
        int lines = 1;
        for (Column c : columns) {
            lines = Math.max(lines, (int) Math.ceil(c.header().length() * 1.15 / c.width()));
        }
        return Math.min(lines, 4);
    }

    private void finishPart() {
        CellRangeAddress table = new CellRangeAddress(headerRow, Math.max(headerRow, nextRow - 1), 0, columns.size() - 1);
        sheet.setAutoFilter(table);
        if (listed != null) {
            listed.endRow();
            listed = null;
            // SXSSF derives the sheet's extent from the rows it wrote itself: only the header here
            workbook.getXSSFWorkbook().getSheet(sheet.getSheetName())
                    .setDimensionOverride(new CellRangeAddress(0, nextRow - 1, 0, columns.size() - 1));
        }
    }
}
