package com.example.slacompliance.workbook;

import com.example.slacompliance.sla.PolicyVersion;
import com.example.slacompliance.sla.Severity;
import com.example.slacompliance.workbook.PublishedRows.Group;
import com.example.slacompliance.workbook.TableSheet.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;

/** The Summary's figures per customer tier and severity, each tier closed by its all-severities row. */
final class ByTierSheet {

    static final String NAME = "By tier";
    static final Map<Group, String> LABELS = Map.of(Group.ENTERPRISE, "Enterprise", Group.SME, "SME", Group.SMB, "SMB");

    private final Report report;

    ByTierSheet(Report report) {
        this.report = report;
    }

    static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Tier", 12));
        columns.add(new Column("Severity", 9));
        columns.addAll(ComplianceColumns.COLUMNS);
        return columns;
    }

    void write(List<Map<Group, Figures>> perSeverity, Map<Group, Figures> allSeverities) {
        Cells cells = report.cells();
        Styles styles = report.styles();
        PolicyVersion shown = report.targetsShown();
        TableSheet table = new TableSheet(report.workbook(), styles, NAME, columns(), TableSheet.EXCEL_MAX_ROWS);
        ComplianceColumns figures = new ComplianceColumns(cells, report.goalPct());
        int firstData = table.headerRow() + 1;
        for (Group tier : List.of(Group.ENTERPRISE, Group.SME, Group.SMB)) {
            for (int severity = 1; severity <= Severity.COUNT; severity++) {
                Row row = table.next();
                cells.text(row, 0, LABELS.get(tier));
                cells.number(row, 1, severity, styles.severity);
                figures.write(row, 2, perSeverity.get(severity - 1).get(tier), shown.targets().ackSeconds(severity),
                        shown.targets().responseSeconds(severity), false);
            }
            Row total = table.next();
            cells.text(total, 0, LABELS.get(tier), styles.totalText);
            cells.text(total, 1, "All", styles.totalText);
            figures.write(total, 2, allSeverities.get(tier), null, null, true);
        }
        figures.highlight(table.sheet(), 2, firstData, table.lastRow());
        table.finish();
    }
}
