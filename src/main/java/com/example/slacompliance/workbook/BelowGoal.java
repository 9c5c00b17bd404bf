package com.example.slacompliance.workbook;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * Compliance under the goal stands out (light red fill, dark red text) through conditional formatting,
 * so it stays right when a reader sorts or filters. Empty cells (no evaluated ticket) do not.
 */
final class BelowGoal {

    private static final XSSFColor FILL = new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE}, null);
    private static final XSSFColor FONT = new XSSFColor(new byte[] {(byte) 0x9C, 0x00, 0x06}, null);

    private BelowGoal() {
    }

    /** Highlights the cells of {@code range} (fractions, 0.95 = 95 %) that are below {@code goalPct} (95 = 95 %). */
    static void highlight(Sheet sheet, CellRangeAddress range, BigDecimal goalPct) {
        String topLeft = new CellReference(range.getFirstRow(), range.getFirstColumn(), false, false).formatAsString();
        String goal = goalPct.movePointLeft(2).toPlainString();
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(
                "AND(ISNUMBER(" + topLeft + ")," + topLeft + "<" + goal + ")");
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(FILL);
        fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        FontFormatting font = rule.createFontFormatting();
        font.setFontColor(FONT);
        formatting.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
    }
}
