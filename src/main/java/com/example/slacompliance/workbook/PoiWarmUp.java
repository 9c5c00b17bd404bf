package com.example.slacompliance.workbook;

import java.io.OutputStream;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads POI's classes and XML schemas (about 3 s of a run, whatever the month's size) in the background
 * while the month is evaluated, so that the workbook step does not pay for them after publishing.
 * It writes nothing anywhere; if it fails, the workbook step simply pays as before.
 */
public final class PoiWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PoiWarmUp.class);

    private PoiWarmUp() {
    }

    public static void start() {
        Thread thread = new Thread(PoiWarmUp::run, "poi-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void run() {
        StreamedWorkbook workbook = new StreamedWorkbook(10);
        try {
            new Styles(workbook);
            workbook.getXSSFWorkbook().createSheet("warm-up");
            XSSFChart chart = Charts.create(workbook, "warm-up", 0, 0, 4, 10, "warm-up");
            XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
            chart.createData(ChartTypes.BAR, categories, Charts.percentAxis(chart, categories));
            workbook.createSheet("streamed").createRow(0).createCell(0).setCellValue("x");
            workbook.write(OutputStream.nullOutputStream());
        } catch (Exception | LinkageError e) {
            log.debug("POI warm-up failed; the workbook step loads POI itself", e);
        } finally {
            workbook.dispose();
        }
    }
}
