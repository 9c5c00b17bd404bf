package com.example.slacompliance.workbook;

import com.example.slacompliance.sla.PolicyVersion;
import com.example.slacompliance.sla.Severity;
import com.example.slacompliance.workbook.PublishedRows.Group;
import com.example.slacompliance.workbook.TableSheet.Column;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;

/**
 * The first sheet, for managers: what the month was, per severity and in total, against the targets
 * and the goal, with a bar chart of ack and response compliance per severity.
 */
final class SummarySheet {

    static final String NAME = "Summary";
    static final DateTimeFormatter TITLE_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final Report report;

    SummarySheet(Report report) {
        this.report = report;
    }

    static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Severity", 16));
        columns.addAll(ComplianceColumns.COLUMNS);
        return columns;
    }

    void write(List<Map<Group, Figures>> perSeverity, Figures allSeverities, List<String> versionsApplied) {
        Cells cells = report.cells();
        Styles styles = report.styles();
        PolicyVersion shown = report.targetsShown();
        TableSheet table = new TableSheet(report.workbook(), styles, NAME, columns(), TableSheet.EXCEL_MAX_ROWS,
                sheet -> preamble(sheet, versionsApplied, shown));
        ComplianceColumns figures = new ComplianceColumns(cells, report.goalPct());
        int firstData = table.headerRow() + 1;
        Double[] ack = new Double[Severity.COUNT];
        Double[] response = new Double[Severity.COUNT];
        Double[] goal = new Double[Severity.COUNT];
        Double[] severities = new Double[Severity.COUNT];
        for (int severity = 1; severity <= Severity.COUNT; severity++) {
            Figures f = perSeverity.get(severity - 1).get(Group.ALL);
            Row row = table.next();
            cells.number(row, 0, severity, styles.severity);
            figures.write(row, 1, f, shown.targets().ackSeconds(severity), shown.targets().responseSeconds(severity),
                    false);
            severities[severity - 1] = (double) severity;
            ack[severity - 1] = f.ackPct() == null ? null : f.ackPct().movePointLeft(2).doubleValue();
            response[severity - 1] = f.responsePct() == null ? null : f.responsePct().movePointLeft(2).doubleValue();
            goal[severity - 1] = report.goalPct().movePointLeft(2).doubleValue();
        }
        Row total = table.next();
        cells.text(total, 0, "All severities", styles.totalText);
        figures.write(total, 1, allSeverities, null, null, true);
        figures.highlight(table.sheet(), 1, firstData, table.lastRow());
        table.finish();
        chart(firstData, table.lastRow() + 2, severities, ack, response, goal);
    }

    private int preamble(SXSSFSheet sheet, List<String> versionsApplied, PolicyVersion shown) {
        Cells cells = report.cells();
        Styles styles = report.styles();
        cells.text(sheet.createRow(0), 0, "SLA compliance, " + report.period().month().format(TITLE_MONTH),
                styles.title);
        int r = 1;
        Row period = fact(sheet, r++, "Period");
        cells.date(period, 1, report.period().month().atDay(1), styles.factMonth);
        Row asOf = fact(sheet, r++, "Data as of");
        cells.instant(asOf, 1, report.runAt(), styles.factDateTime);
        Row zone = fact(sheet, r++, "Zone");
        cells.text(zone, 1, report.period().zone().getId() + " (UTC"
                + report.period().zone().getRules().getOffset(report.runAt()).getId().replace("Z", "+00:00") + ")");
        Row versions = fact(sheet, r++, "Policy versions");
        cells.text(versions, 1, versionsApplied.isEmpty() ? "none (no tickets)" : String.join(", ", versionsApplied));
        Row targets = fact(sheet, r++, "Targets shown");
        cells.text(targets, 1, "policy version " + shown.id() + ", in force from " + shown.effectiveDate()
                + " (third-party integrations have their own: see Policy)");
        Row goal = fact(sheet, r++, "Compliance goal");
        cells.percent(goal, 1, report.goalPct(), styles.factPercent);
        return r + 1;
    }

    private Row fact(SXSSFSheet sheet, int index, String label) {
        Row row = sheet.createRow(index);
        report.cells().text(row, 0, label, report.styles().label);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 1, ComplianceColumns.COLUMNS.size()));
        return row;
    }

    private void chart(int firstData, int top, Double[] severities, Double[] ack, Double[] response, Double[] goal) {
        int last = firstData + Severity.COUNT - 1;
        XSSFChart chart = Charts.create(report.workbook(), NAME, 0, top, columns().size(), top + 20,
                "Compliance per severity against the goal");
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        categories.setTitle("Severity");
        XDDFValueAxis values = Charts.percentAxis(chart, categories);
        values.setMinimum(0);
        var severity = Charts.column(NAME, firstData, last, 0, severities);

        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        series(bars, severity, Charts.column(NAME, firstData, last, 1 + ComplianceColumns.ACK_PCT, ack),
                firstData - 1, 1 + ComplianceColumns.ACK_PCT, "Ack compliance");
        series(bars, severity, Charts.column(NAME, firstData, last, 1 + ComplianceColumns.RESPONSE_PCT, response),
                firstData - 1, 1 + ComplianceColumns.RESPONSE_PCT, "Response compliance");
        Charts.bars(bars.getSeries(0), Charts.BLUE);
        Charts.bars(bars.getSeries(1), Charts.ORANGE);
        chart.plot(bars);

        XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, values);
        line.setVaryColors(false);
        XDDFChartData.Series goalSeries = series(line, severity,
                Charts.column(NAME, firstData, last, 1 + ComplianceColumns.GOAL, goal),
                firstData - 1, 1 + ComplianceColumns.GOAL, "Goal");
        ((XDDFLineChartData.Series) goalSeries).setMarkerStyle(MarkerStyle.NONE);
        Charts.line(goalSeries, Charts.RED, true);
        chart.plot(line);
    }

    private static XDDFChartData.Series series(XDDFChartData data, XDDFNumericalDataSource<Double> categories,
                                               XDDFNumericalDataSource<Double> values, int headerRow, int column,
                                               String title) {
        XDDFChartData.Series series = data.addSeries(categories, values);
        series.setTitle(title, new org.apache.poi.ss.util.CellReference(NAME, headerRow, column, true, true));
        return series;
    }
}
