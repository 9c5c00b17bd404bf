package com.example.slacompliance.workbook;

import com.example.slacompliance.workbook.TableSheet.Column;
import java.time.Instant;
import java.util.List;

/**
 * Every ticket of the period that breached its acknowledgment or its response target, once, with
 * both targets' due instant, the event that counted, its status and how late it was.
 */
final class BreachesSheet {

    static final String NAME = "Breaches";
    static final List<Column> COLUMNS = List.of(
            new Column("Ticket", 16),
            new Column("Account", 12),
            new Column("Account name", 22),
            new Column("Tier", 11),
            new Column("Severity", 8),
            new Column("Created", 17),
            new Column("Ack due", 17),
            new Column("Acknowledged (effective)", 17),
            new Column("Ack source", 13),
            new Column("Ack status", 10),
            new Column("Ack late by", 8),
            new Column("Response due", 17),
            new Column("Responded (effective)", 17),
            new Column("Response source", 13),
            new Column("Response status", 10),
            new Column("Response late by", 8),
            new Column("Subject", 40));

    private final TableSheet table;
    private final Cells cells;

    BreachesSheet(Report report) {
        this.cells = report.cells();
        this.table = new TableSheet(report.workbook(), report.styles(), NAME, COLUMNS, report.listRowsPerSheet());
    }

    void add(TicketResult t) {
        SheetXml row = table.nextListed();
        cells.text(row, 0, t.ticketId());
        cells.text(row, 1, t.accountId());
        cells.text(row, 2, t.accountName());
        cells.text(row, 3, t.tier());
        cells.integer(row, 4, t.severity());
        cells.instant(row, 5, t.createdAt());
        target(row, 6, t.ackDueAt(), t.ackAt(), t.ackSource(), t.ackStatus(), t.ackSeconds(), t.ackTargetSeconds());
        target(row, 11, t.responseDueAt(), t.responseAt(), t.responseSource(), t.responseStatus(),
                t.responseSeconds(), t.responseTargetSeconds());
        cells.text(row, 16, t.subject());
    }

    private void target(SheetXml row, int first, Instant due, Instant event, String source, String status, long seconds,
                        long targetSeconds) {
        cells.instant(row, first, due);
        cells.instant(row, first + 1, event);
        cells.text(row, first + 2, source);
        cells.text(row, first + 3, status);
        if ("BREACHED".equals(status)) {
            cells.duration(row, first + 4, seconds - targetSeconds);
        }
    }

    /** Closes the table; returns the sheets it took. */
    List<String> finish() {
        table.finish();
        return table.sheetNames();
    }

    long rows() {
        return table.dataRows();
    }
}
