package com.example.slacompliance.workbook;

import com.example.slacompliance.workbook.TableSheet.Column;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The figure columns the Summary and By tier sheets share: counts, compliance beside the goal, and
 * the ack and response percentiles beside their targets.
 */
final class ComplianceColumns {

    static final List<Column> COLUMNS = List.of(
            new Column("Tickets closed", 10),
            new Column("Tickets evaluated", 10),
            new Column("Ack compliance", 11),
            new Column("Response compliance", 11),
            new Column("Goal", 8),
            new Column("Tickets with a breach", 10),
            new Column("Ack target", 9),
            new Column("Ack p50", 9),
            new Column("Ack p90", 9),
            new Column("Response target", 9),
            new Column("Response p50", 9),
            new Column("Response p90", 9));

    /** Offsets of the compliance columns from the first figure column. */
    static final int ACK_PCT = 2;
    static final int RESPONSE_PCT = 3;
    static final int GOAL = 4;

    private final Cells cells;
    private final BigDecimal goalPct;

    ComplianceColumns(Cells cells, BigDecimal goalPct) {
        this.cells = cells;
        this.goalPct = goalPct;
    }

    /** Writes one group's figures from column {@code first}; targets are blank for a group of several severities. */
    void write(Row row, int first, Figures f, Long ackTarget, Long responseTarget, boolean total) {
        Styles s = cells.styles;
        cells.number(row, first, f.closed(), total ? s.totalInteger : s.integer);
        cells.number(row, first + 1, f.evaluated(), total ? s.totalInteger : s.integer);
        cells.percent(row, first + ACK_PCT, f.ackPct(), total ? s.totalPercent : s.percent);
        cells.percent(row, first + RESPONSE_PCT, f.responsePct(), total ? s.totalPercent : s.percent);
        cells.percent(row, first + GOAL, goalPct, total ? s.totalPercent : s.percent);
        cells.number(row, first + 5, f.withBreach(), total ? s.totalInteger : s.integer);
        var duration = total ? s.totalDuration : s.duration;
        cells.duration(row, first + 6, ackTarget, duration);
        cells.duration(row, first + 7, f.ackP50(), duration);
        cells.duration(row, first + 8, f.ackP90(), duration);
        cells.duration(row, first + 9, responseTarget, duration);
        cells.duration(row, first + 10, f.responseP50(), duration);
        cells.duration(row, first + 11, f.responseP90(), duration);
        if (total) {
            for (int i = 0; i < first; i++) {
                if (row.getCell(i) == null) {
                    row.createCell(i).setCellStyle(s.totalText);
                }
            }
            for (int i = first; i < first + COLUMNS.size(); i++) {
                if (row.getCell(i) == null) {
                    row.createCell(i).setCellStyle(s.totalInteger);
                }
            }
        }
    }

    /** Makes compliance under the goal stand out on data rows {@code firstRow..lastRow}. */
    void highlight(Sheet sheet, int first, int firstRow, int lastRow) {
        BelowGoal.highlight(sheet, new CellRangeAddress(firstRow, lastRow, first + ACK_PCT, first + RESPONSE_PCT),
                goalPct);
    }
}
