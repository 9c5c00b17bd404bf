package com.example.slacompliance.workbook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes typed cells: real numbers, date-times in the reporting zone, durations Excel can sum, and
 * text that stays text. A missing value is an empty cell.
 */
final class Cells {

    /** Excel's limit on the characters of one cell. */
    static final int MAX_TEXT = 32_767;
    /** Ends text that was cut to fit a cell, so a reader sees it is not the whole text. */
    static final String CUT_MARK = " … [cut]";
    static final long SECONDS_PER_DAY = 86_400L;
    static final long MILLIS_PER_DAY = 86_400_000L;
    static final LocalDate FIRST_EXCEL_DATE = LocalDate.of(1900, 3, 1);
    /** Excel's day 0 for the dates from {@link #FIRST_EXCEL_DATE} on (its 1900 date system counts a 29 February 1900). */
    static final long EXCEL_DAY_ZERO = LocalDate.of(1899, 12, 30).toEpochDay();

    final Styles styles;
    private final ZoneId zone;

    Cells(Styles styles, ZoneId zone) {
        this.styles = styles;
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * Where a row's cells go: a POI row (the small sheets, {@link #poi}) or a long list's sheet XML
     * ({@link SheetXml}). Cells are given in column order.
     */
    interface Target {
        void text(int column, String text, CellStyle style);

        void number(int column, double value, CellStyle style);

        /** An empty cell that shows its style (a total row's border). */
        void blank(int column, CellStyle style);

        /** A number of days given in milliseconds: a date-time (days since Excel's day 0) or a duration. */
        default void days(int column, long millis, CellStyle style) {
            number(column, millis / (double) MILLIS_PER_DAY, style);
        }
    }

    /** A POI row as a target. */
    static Target poi(Row row) {
        return new Target() {
            @Override
            public void text(int column, String text, CellStyle style) {
                cell(column, style).setCellValue(text);
            }

            @Override
            public void number(int column, double value, CellStyle style) {
                cell(column, style).setCellValue(value);
            }

            @Override
            public void blank(int column, CellStyle style) {
                cell(column, style);
            }

            private Cell cell(int column, CellStyle style) {
                Cell cell = row.createCell(column);
                cell.setCellStyle(style);
                return cell;
            }
        };
    }

    /**
     * Text as a string cell: never parsed, so a subject such as {@code =HYPERLINK(...)} stays inert text.
     * Text over Excel's cell limit is cut with a visible mark.
     */
    void text(Target row, int column, String value) {
        text(row, column, value, styles.text);
    }

    void text(Target row, int column, String value, CellStyle style) {
        if (value != null) {
            row.text(column, fit(value), style);
        }
    }

    void integer(Target row, int column, long value) {
        row.number(column, value, styles.integer);
    }

    /** Seconds as a fraction of a day, shown {@code [h]:mm}. */
    void duration(Target row, int column, long seconds) {
        row.days(column, seconds * 1000, styles.duration);
    }

    /**
     * An instant as a date-time in the reporting zone. Excel has no dates before 1900 (nor after 9999):
     * those are written as ISO-8601 text with the zone's offset, and so are January and February 1900,
     * whose day numbers Excel and LibreOffice read differently (Excel counts a 29 February 1900).
     */
    void instant(Target row, int column, Instant instant) {
        instant(row, column, instant, styles.dateTime);
    }

    void instant(Target row, int column, Instant instant, CellStyle style) {
        if (instant == null) {
            return;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (isExcelDate(local.toLocalDate())) {
            // the day number directly: setCellValue(LocalDateTime) asks the workbook's XML for its date system every time
            long days = local.toLocalDate().toEpochDay() - EXCEL_DAY_ZERO;
            row.days(column, days * MILLIS_PER_DAY + local.toLocalTime().toNanoOfDay() / 1_000_000, style);
        } else {
            text(row, column, OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    // the same on a POI row, for the small sheets

    void text(Row row, int column, String value) {
        text(poi(row), column, value);
    }

    void text(Row row, int column, String value, CellStyle style) {
        text(poi(row), column, value, style);
    }

    void number(Row row, int column, double value, CellStyle style) {
        poi(row).number(column, value, style);
    }

    /** A percentage such as 90.63 (as the summary table stores it) as the fraction 0.9063 shown as 90.63%. */
    void percent(Row row, int column, BigDecimal pct, CellStyle style) {
        if (pct != null) {
            number(row, column, pct.movePointLeft(2).doubleValue(), style);
        }
    }

    void duration(Row row, int column, Number seconds, CellStyle style) {
        if (seconds != null) {
            number(row, column, seconds.doubleValue() / SECONDS_PER_DAY, style);
        }
    }

    void instant(Row row, int column, Instant instant, CellStyle style) {
        instant(poi(row), column, instant, style);
    }

    void date(Row row, int column, LocalDate date, CellStyle style) {
        if (date == null) {
            return;
        }
        if (isExcelDate(date)) {
            Cell cell = row.createCell(column);
            cell.setCellValue(date);
            cell.setCellStyle(style);
        } else {
            text(row, column, date.toString(), style);
        }
    }

    /** Whether Excel and LibreOffice both show the date as it is. */
    static boolean isExcelDate(LocalDate date) {
        return !date.isBefore(FIRST_EXCEL_DATE) && date.getYear() <= 9999;
    }

    /** The text, or its beginning and {@link #CUT_MARK} when it is over the cell limit; never half a surrogate pair. */
    static String fit(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int keep = MAX_TEXT - CUT_MARK.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + CUT_MARK;
    }
}
