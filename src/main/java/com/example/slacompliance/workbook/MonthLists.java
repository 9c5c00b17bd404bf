package com.example.slacompliance.workbook;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the workbook lists of a month's published results, each list read once, in this order:
 * breaches, Severity 4, third-party. Either the run's own rows, kept as they were staged
 * ({@link KeptLists}), or the published rows read back ({@link PublishedRows.Lists}); both in the
 * same orders, so the workbook is the same either way.
 */
interface MonthLists extends AutoCloseable {

    /** The policy versions of the month's results, in code point order. */
    List<String> versionsApplied();

    /** Tickets that breached either target, by severity, creation and ticket. */
    void breaches(Consumer<TicketResult> each);

    /** Severity 4 tickets, by account (none last), creation and ticket. */
    void severity4(Consumer<Severity4Request> each);

    /** Exempt (third-party) tickets, by integration, creation and ticket. */
    void exempt(Consumer<TicketResult> each);

    @Override
    void close();
}
