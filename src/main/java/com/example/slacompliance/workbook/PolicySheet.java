package com.example.slacompliance.workbook;

import com.example.slacompliance.sla.IntegrationTargets;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.PolicyVersion;
import com.example.slacompliance.sla.Severity;
import com.example.slacompliance.sla.Targets;
import com.example.slacompliance.workbook.TableSheet.Column;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;

/**
 * The rules the figures were computed by: severity definitions, targets per policy version, the desk
 * calendar of each tier, the zone, and how acknowledgment, response and the clock are measured.
 */
final class PolicySheet {

    static final String NAME = "Policy";
    static final List<Column> COLUMNS = List.of(
            new Column("Topic", 18),
            new Column("Item", 26),
            new Column("Effective from", 12),
            new Column("Ack target", 9),
            new Column("Response target", 9),
            new Column("Details", 90));

    /** Characters of Details that fit on one line of its column. */
    static final int DETAILS_PER_LINE = 115;

    static final String[] SEVERITIES = {
        "Stops useful work: calling fails, server unreachable, operator down, application errors.",
        "A major function is broken but a workaround exists: slow server, responses not within an acceptable time, "
                + "call delays.",
        "Not disabling, or cosmetic.",
        "Business operations: reconciliations, logs and similar requests."};

    static final String[][] MEASUREMENT = {
        {"Acknowledgment", "The earliest of acknowledged, first response and closed: a response also acknowledges, "
                + "and closing a ticket answers it."},
        {"Response", "The earliest of first response and closed."},
        {"Support time", "Time counts only while the tier's desk is open. For SME and SMB the clock stops at 22:00 and "
                + "starts again at 08:00 (and stands still on holidays), so an answer after the due time but before "
                + "the desk reopens is still met. For Enterprise every second counts."},
        {"Met or breached", "Met when the support time is at or under the target: exactly the target is met, one "
                + "second more is a breach."},
        {"Due", "The instant at which the support time since the ticket was created reaches the target."},
        {"Late by", "Support time over the target (Breaches sheet)."},
        {"Period", "A ticket belongs to the month in which it was closed, in the reporting zone."},
        {"Compliance", "Met tickets / evaluated tickets, rounded half-up to 2 decimals. Exempt third-party tickets "
                + "are counted as closed but not evaluated; rejected tickets are in no figure."},
        {"p50 and p90", "Median and 90th percentile of the evaluated tickets' support time, interpolated linearly "
                + "(as Excel's PERCENTILE.INC)."},
        {"Durations", "Shown as hours:minutes ([h]:mm, 26 hours reads 26:00); the cells hold days, so they add up."}};

    private final Report report;
    private TableSheet table;

    PolicySheet(Report report) {
        this.report = report;
    }

    void write() {
        Policy policy = report.policy();
        table = new TableSheet(report.workbook(), report.styles(), NAME, COLUMNS, TableSheet.EXCEL_MAX_ROWS);
        for (int severity = 1; severity <= Severity.COUNT; severity++) {
            row("Severity", "Severity " + severity, null, SEVERITIES[severity - 1]);
        }
        for (PolicyVersion version : policy.versions()) {
            row("Policy version", version.id(), version.effectiveDate(),
                    "In force for tickets created from 00:00 local time on this date until the next version. "
                            + "SME/SMB desk holidays: " + holidays(version));
            for (int severity = 1; severity <= Severity.COUNT; severity++) {
                targets("Targets", version.id() + ", severity " + severity, version.effectiveDate(), version.targets(),
                        severity, null);
            }
        }
        List<IntegrationTargets> integrations = policy.integrationTargets();
        if (integrations.isEmpty()) {
            row("Third-party targets", "none configured", null,
                    "A ticket that names an integration without targets of its own is EXEMPT: listed on Third-party, "
                            + "left out of every compliance figure.");
        }
        for (IntegrationTargets t : integrations) {
            for (int severity = 1; severity <= Severity.COUNT; severity++) {
                targets("Third-party targets", t.integration() + " (" + t.id() + "), severity " + severity,
                        t.effectiveDate(), t.targets(), severity, "Measured on the ticket's tier calendar.");
            }
        }
        String zone = policy.zone().getId();
        row("Calendar", "Enterprise", null, "24x7: every second counts.");
        for (String tier : List.of("SME", "SMB")) {
            row("Calendar", tier, null, "14x7: 08:00 to 22:00 every day of the week, local time in " + zone
                    + "; closed on the holidays of the policy version in force when the ticket was created.");
        }
        row("Zone", zone, null, "Office hours, effective dates and months are read in this zone; every "
                + "date-time in this workbook is shown in it.");
        for (String[] m : MEASUREMENT) {
            row("How it is measured", m[0], null, m[1]);
        }
        table.finish();
    }

    private void targets(String topic, String item, LocalDate from, Targets targets, int severity, String details) {
        Row row = row(topic, item, from, details);
        report.cells().duration(row, 3, targets.ackSeconds(severity), report.styles().duration);
        report.cells().duration(row, 4, targets.responseSeconds(severity), report.styles().duration);
    }

    private Row row(String topic, String item, LocalDate from, String details) {
        Cells cells = report.cells();
        Row row = table.next();
        cells.text(row, 0, topic, report.styles().top);
        cells.text(row, 1, item, report.styles().top);
        cells.date(row, 2, from, report.styles().date);
        cells.text(row, 5, details, report.styles().wrapped);
        if (details != null) {
            // rows do not grow to fit wrapped text by themselves in every spreadsheet program
            row.setHeightInPoints(15 * Math.max(1, (int) Math.ceil(details.length() / (double) DETAILS_PER_LINE)));
        }
        return row;
    }

    private static String holidays(PolicyVersion version) {
        return version.holidays().isEmpty() ? "none."
                : version.holidays().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(", ")) + ".";
    }
}
