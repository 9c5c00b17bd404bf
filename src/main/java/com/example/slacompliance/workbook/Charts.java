package com.example.slacompliance.workbook;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Charts on the small sheets. A streamed sheet cannot draw, so the chart goes on the sheet's XSSF
 * counterpart; its series refer to the sheet's cells and carry the values as their cache, because
 * rows already streamed cannot be read back.
 */
final class Charts {

    static final String BLUE = "4472C4";
    static final String ORANGE = "ED7D31";
    static final String GREEN = "70AD47";
    static final String PURPLE = "7030A0";
    static final String RED = "C00000";
    static final String GREY = "595959";

    private Charts() {
    }

    /** A chart with a legend at the bottom, over the cells from (col1, row1) to (col2, row2). */
    static XSSFChart create(SXSSFWorkbook workbook, String sheetName, int col1, int row1, int col2, int row2,
                            String title) {
        XSSFSheet sheet = workbook.getXSSFWorkbook().getSheet(sheetName);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    static XDDFValueAxis percentAxis(XSSFChart chart, XDDFCategoryAxis categories) {
        XDDFValueAxis axis = chart.createValueAxis(AxisPosition.LEFT);
        axis.setCrosses(AxisCrosses.AUTO_ZERO);
        axis.setNumberFormat("0%");
        axis.setMaximum(1.0);
        return axis;
    }

    /** Values of one column, rows {@code first..last}, referenced and cached. */
    static XDDFNumericalDataSource<Double> column(String sheetName, int first, int last, int column, Double[] values) {
        String ref = new CellRangeAddress(first, last, column, column).formatAsString(sheetName, true);
        return XDDFDataSourcesFactory.fromArray(values, ref);
    }

    static void bars(XDDFChartData.Series series, String rgb) {
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(hex(rgb))));
        series.setShapeProperties(shape);
    }

    static void line(XDDFChartData.Series series, String rgb, boolean dashed) {
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(hex(rgb))));
        line.setWidth(dashed ? 1.5 : 2.25);
        if (dashed) {
            line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        }
        series.setLineProperties(line);
    }

    private static byte[] hex(String rgb) {
        return new byte[] {
            (byte) Integer.parseInt(rgb.substring(0, 2), 16),
            (byte) Integer.parseInt(rgb.substring(2, 4), 16),
            (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }
}
