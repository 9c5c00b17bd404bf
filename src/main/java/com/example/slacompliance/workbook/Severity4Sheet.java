package com.example.slacompliance.workbook;

import com.example.slacompliance.workbook.TableSheet.Column;
import java.util.List;
import java.util.Objects;

/**
 * Every Severity 4 ticket of the period (business requests: reconciliations, logs), met or not, exempt
 * ones included and marked by their EXEMPT status; sorted by account then creation, with a subtotal
 * row per account (tickets, tickets with a breach) and a total at the end.
 */
final class Severity4Sheet {

    static final String NAME = "Severity 4";
    static final String SUBTOTAL = "Subtotal";
    static final String TOTAL = "Total";
    static final List<Column> COLUMNS = List.of(
            new Column("Ticket", 16),
            new Column("Account", 12),
            new Column("Account name", 22),
            new Column("Category", 14),
            new Column("Channel", 10),
            new Column("Integration", 12),
            new Column("Created", 17),
            new Column("Acknowledged", 17),
            new Column("Responded", 17),
            new Column("Closed", 17),
            new Column("Ack time", 8),
            new Column("Ack status", 10),
            new Column("Response time", 9),
            new Column("Response status", 10),
            new Column("Tickets", 8),
            new Column("Tickets with a breach", 9),
            new Column("Subject", 40));
    static final int TICKETS = 14;
    static final int BREACHES = 15;

    private final TableSheet table;
    private final Cells cells;
    private String account;
    private String accountName;
    private long accountTickets;
    private long accountBreaches;
    private long tickets;
    private long breaches;

    Severity4Sheet(Report report) {
        this.cells = report.cells();
        this.table = new TableSheet(report.workbook(), report.styles(), NAME, COLUMNS, report.listRowsPerSheet());
    }

    void add(Severity4Request t) {
        if (accountTickets > 0 && !Objects.equals(account, t.accountId())) {
            subtotal();
        }
        account = t.accountId();
        accountName = t.accountName();
        SheetXml row = table.nextListed();
        cells.text(row, 0, t.ticketId());
        cells.text(row, 1, t.accountId());
        cells.text(row, 2, t.accountName());
        cells.text(row, 3, t.category());
        cells.text(row, 4, t.channel());
        cells.text(row, 5, t.integration());
        cells.instant(row, 6, t.createdAt());
        cells.instant(row, 7, t.acknowledgedAt());
        cells.instant(row, 8, t.firstResponseAt());
        cells.instant(row, 9, t.closedAt());
        cells.duration(row, 10, t.ackSeconds());
        cells.text(row, 11, t.ackStatus());
        cells.duration(row, 12, t.responseSeconds());
        cells.text(row, 13, t.responseStatus());
        cells.text(row, 16, t.subject());
        accountTickets++;
        tickets++;
        if (t.breached()) {
            accountBreaches++;
            breaches++;
        }
    }

    /** Writes the last subtotal and the total, closes the table; returns the sheets it took. */
    List<String> finish() {
        if (accountTickets > 0) {
            subtotal();
        }
        totalRow(TOTAL, null, null, tickets, breaches);
        table.finish();
        return table.sheetNames();
    }

    long tickets() {
        return tickets;
    }

    private void subtotal() {
        totalRow(SUBTOTAL, account, accountName, accountTickets, accountBreaches);
        accountTickets = 0;
        accountBreaches = 0;
    }

    /** A bold row with a border above across the table: the label, the account, the counts. */
    private void totalRow(String label, String accountId, String name, long count, long breached) {
        Styles styles = cells.styles;
        SheetXml row = table.nextListed();
        String[] texts = {label, accountId, name};
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i < texts.length && texts[i] != null) {
                cells.text(row, i, texts[i], styles.totalText);
            } else if (i == TICKETS) {
                row.number(i, count, styles.totalInteger);
            } else if (i == BREACHES) {
                row.number(i, breached, styles.totalInteger);
            } else {
                row.blank(i, styles.totalText);
            }
        }
    }
}
