package com.example.slacompliance.workbook;

import com.example.slacompliance.sla.Severity;
import com.example.slacompliance.workbook.TableSheet.Column;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xssf.usermodel.XSSFChart;

/**
 * Ack and response compliance per severity for the twelve months ending with the period (all tiers),
 * from the published summaries; a month that was not run stays blank. Two line charts below.
 */
final class TrendSheet {

    static final String NAME = "Trend";
    static final int MONTHS = 12;
    static final String[] SEVERITY_COLORS = {Charts.RED, Charts.ORANGE, Charts.BLUE, Charts.GREEN};

    private final Report report;

    TrendSheet(Report report) {
        this.report = report;
    }

    static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Month", 10));
        for (String measure : List.of("Ack", "Response")) {
            for (int severity = 1; severity <= Severity.COUNT; severity++) {
                columns.add(new Column("Severity " + severity + " " + measure.toLowerCase(java.util.Locale.ROOT), 11));
            }
        }
        columns.add(new Column("Goal", 8));
        return columns;
    }

    /** {@code trend}: per month, per severity (index 0-3), ack and response percentages. */
    void write(Map<YearMonth, BigDecimal[][]> trend) {
        Cells cells = report.cells();
        Styles styles = report.styles();
        TableSheet table = new TableSheet(report.workbook(), styles, NAME, columns(), TableSheet.EXCEL_MAX_ROWS);
        int firstData = table.headerRow() + 1;
        int goalColumn = 1 + 2 * Severity.COUNT;
        Double[] months = new Double[MONTHS];
        Double[][] values = new Double[2 * Severity.COUNT][MONTHS];
        Double[] goal = new Double[MONTHS];
        YearMonth first = report.period().month().minusMonths(MONTHS - 1);
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = first.plusMonths(m);
            Row row = table.next();
            cells.date(row, 0, month.atDay(1), styles.month);
            months[m] = DateUtil.getExcelDate(month.atDay(1));
            BigDecimal[][] figures = trend.get(month);
            for (int measure = 0; measure < 2; measure++) {
                for (int severity = 0; severity < Severity.COUNT; severity++) {
                    BigDecimal pct = figures == null ? null : figures[severity][measure];
                    cells.percent(row, 1 + measure * Severity.COUNT + severity, pct, styles.percent);
                    values[measure * Severity.COUNT + severity][m] = pct == null ? null : pct.movePointLeft(2).doubleValue();
                }
            }
            cells.percent(row, goalColumn, report.goalPct(), styles.percent);
            goal[m] = report.goalPct().movePointLeft(2).doubleValue();
        }
        int last = table.lastRow();
        BelowGoal.highlight(table.sheet(), new CellRangeAddress(firstData, last, 1, 2 * Severity.COUNT),
                report.goalPct());
        table.finish();

        XDDFNumericalDataSource<Double> categories = Charts.column(NAME, firstData, last, 0, months);
        categories.setFormatCode(Styles.MONTH);
        int top = last + 2;
        chart("Acknowledgment compliance", 0, 0, 5, top, firstData, categories, values, goal, goalColumn);
        chart("Response compliance", 1, 5, 10, top, firstData, categories, values, goal, goalColumn);
    }

    private void chart(String title, int measure, int col1, int col2, int top, int firstData,
                       XDDFNumericalDataSource<Double> categories, Double[][] values, Double[] goal, int goalColumn) {
        int last = firstData + MONTHS - 1;
        XSSFChart chart = Charts.create(report.workbook(), NAME, col1, top, col2, top + 20, title);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        XDDFCategoryAxis axis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        var percent = Charts.percentAxis(chart, axis);
        XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, axis, percent);
        lines.setVaryColors(false);
        for (int severity = 0; severity < Severity.COUNT; severity++) {
            int column = 1 + measure * Severity.COUNT + severity;
            XDDFChartData.Series series = lines.addSeries(categories,
                    Charts.column(NAME, firstData, last, column, values[measure * Severity.COUNT + severity]));
            series.setTitle("Severity " + (severity + 1), null);
            ((XDDFLineChartData.Series) series).setMarkerStyle(MarkerStyle.CIRCLE);
            ((XDDFLineChartData.Series) series).setSmooth(false);
            Charts.line(series, SEVERITY_COLORS[severity], false);
        }
        XDDFChartData.Series target = lines.addSeries(categories, Charts.column(NAME, firstData, last, goalColumn, goal));
        target.setTitle("Goal", new CellReference(NAME, firstData - 1, goalColumn, true, true));
        ((XDDFLineChartData.Series) target).setMarkerStyle(MarkerStyle.NONE);
        ((XDDFLineChartData.Series) target).setSmooth(false);
        Charts.line(target, Charts.GREY, true);
        chart.plot(lines);
    }
}
