package com.example.slacompliance.workbook;

import com.example.slacompliance.workbook.TableSheet.Column;
import java.util.List;

/**
 * The exempt tickets, grouped by integration: third-party tickets with no targets of their own, left
 * out of every compliance figure. Their times are shown beside the core targets, for information.
 */
final class ThirdPartySheet {

    static final String NAME = "Third-party";
    static final List<Column> COLUMNS = List.of(
            new Column("Integration", 14),
            new Column("Ticket", 16),
            new Column("Account", 12),
            new Column("Account name", 22),
            new Column("Tier", 11),
            new Column("Severity", 8),
            new Column("Created", 17),
            new Column("Closed", 17),
            new Column("Ack time", 8),
            new Column("Core ack target", 8),
            new Column("Response time", 9),
            new Column("Core response target", 9),
            new Column("Policy version", 12),
            new Column("Subject", 40));

    private final TableSheet table;
    private final Cells cells;

    ThirdPartySheet(Report report) {
        this.cells = report.cells();
        this.table = new TableSheet(report.workbook(), report.styles(), NAME, COLUMNS, report.listRowsPerSheet());
    }

    void add(TicketResult t) {
        SheetXml row = table.nextListed();
        cells.text(row, 0, t.integration());
        cells.text(row, 1, t.ticketId());
        cells.text(row, 2, t.accountId());
        cells.text(row, 3, t.accountName());
        cells.text(row, 4, t.tier());
        cells.integer(row, 5, t.severity());
        cells.instant(row, 6, t.createdAt());
        cells.instant(row, 7, t.closedAt());
        cells.duration(row, 8, t.ackSeconds());
        cells.duration(row, 9, t.ackTargetSeconds());
        cells.duration(row, 10, t.responseSeconds());
        cells.duration(row, 11, t.responseTargetSeconds());
        cells.text(row, 12, t.policyVersion());
        cells.text(row, 13, t.subject());
    }

    List<String> finish() {
        table.finish();
        return table.sheetNames();
    }

    long rows() {
        return table.dataRows();
    }
}
