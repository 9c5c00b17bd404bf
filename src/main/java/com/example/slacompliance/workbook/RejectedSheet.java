package com.example.slacompliance.workbook;

import com.example.slacompliance.workbook.TableSheet.Column;
import java.util.List;

/** Every rejected ticket of the period with its reason and which value was wrong: data to fix at the source. */
final class RejectedSheet {

    static final String NAME = "Rejected";
    static final List<Column> COLUMNS = List.of(
            new Column("Ticket", 18),
            new Column("Reason", 28),
            new Column("Detail", 90));

    private final TableSheet table;
    private final Cells cells;

    RejectedSheet(Report report) {
        this.cells = report.cells();
        this.table = new TableSheet(report.workbook(), report.styles(), NAME, COLUMNS, report.listRowsPerSheet());
    }

    void add(Rejected r) {
        SheetXml row = table.nextListed();
        cells.text(row, 0, r.ticketId());
        cells.text(row, 1, r.reason());
        cells.text(row, 2, r.detail());
    }

    List<String> finish() {
        table.finish();
        return table.sheetNames();
    }

    long rows() {
        return table.dataRows();
    }
}
