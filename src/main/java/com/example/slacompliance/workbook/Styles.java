package com.example.slacompliance.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The workbook's cell styles, created once and shared by every sheet (a workbook holds at most 64,000
 * styles, and a style per cell would also make the file large and slow to open).
 */
final class Styles {

    /** Durations are day fractions shown as hours and minutes past 24 (26 hours reads 26:00), so they add up. */
    static final String DURATION = "[h]:mm";
    static final String DATE_TIME = "yyyy-mm-dd hh:mm";
    static final String DATE = "yyyy-mm-dd";
    static final String MONTH = "mmm yyyy";
    static final String PERCENT = "0.00%";
    static final String INTEGER = "#,##0";

    final CellStyle title;
    final CellStyle label;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle top;
    final CellStyle integer;
    final CellStyle percent;
    final CellStyle duration;
    final CellStyle dateTime;
    final CellStyle date;
    final CellStyle month;
    final CellStyle severity;
    final CellStyle factMonth;
    final CellStyle factDateTime;
    final CellStyle factPercent;
    final CellStyle totalText;
    final CellStyle totalInteger;
    final CellStyle totalPercent;
    final CellStyle totalDuration;

    Styles(Workbook workbook) {
        DataFormat formats = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        title = workbook.createCellStyle();
        title.setFont(big);
        label = workbook.createCellStyle();
        label.setFont(bold);

        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);

        text = workbook.createCellStyle();
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        top = workbook.createCellStyle();
        top.setVerticalAlignment(VerticalAlignment.TOP);
        integer = formatted(workbook, formats, INTEGER, null);
        percent = formatted(workbook, formats, PERCENT, null);
        duration = formatted(workbook, formats, DURATION, null);
        dateTime = formatted(workbook, formats, DATE_TIME, null);
        date = formatted(workbook, formats, DATE, null);
        date.setVerticalAlignment(VerticalAlignment.TOP);
        month = formatted(workbook, formats, MONTH, null);
        severity = formatted(workbook, formats, INTEGER, null);
        severity.setAlignment(HorizontalAlignment.CENTER);
        factMonth = formatted(workbook, formats, "mmmm yyyy", null);
        factMonth.setAlignment(HorizontalAlignment.LEFT);
        factDateTime = formatted(workbook, formats, DATE_TIME, null);
        factDateTime.setAlignment(HorizontalAlignment.LEFT);
        factPercent = formatted(workbook, formats, PERCENT, null);
        factPercent.setAlignment(HorizontalAlignment.LEFT);

        totalText = workbook.createCellStyle();
        totalText.setFont(bold);
        totalText.setBorderTop(BorderStyle.THIN);
        totalInteger = formatted(workbook, formats, INTEGER, bold);
        totalPercent = formatted(workbook, formats, PERCENT, bold);
        totalDuration = formatted(workbook, formats, DURATION, bold);
    }

    private static CellStyle formatted(Workbook workbook, DataFormat formats, String format, Font totalFont) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        if (totalFont != null) {
            style.setFont(totalFont);
            style.setBorderTop(BorderStyle.THIN);
        }
        return style;
    }
}
