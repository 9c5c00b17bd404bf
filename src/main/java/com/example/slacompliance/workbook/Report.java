package com.example.slacompliance.workbook;

import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.PolicyVersion;
import com.example.slacompliance.sla.ReportingPeriod;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The workbook being written and what every sheet needs to know about it.
 *
 * @param runAt   the run's instant ("data as of")
 * @param goalPct compliance below this stands out (95 = 95 %)
 * @param listRowsPerSheet rows per sheet of the long lists (Breaches, Severity 4, Third-party, Rejected)
 *                         before a list continues on the next sheet; the small sheets never reach Excel's limit
 */
record Report(StreamedWorkbook workbook, Cells cells, ReportingPeriod period, Instant runAt, Policy policy,
              BigDecimal goalPct, int listRowsPerSheet) {

    Styles styles() {
        return cells.styles;
    }

    /** The policy version whose targets the Summary and By tier sheets show: the one in force at the period's end. */
    PolicyVersion targetsShown() {
        return policy.versionAt(period.end().minusSeconds(1));
    }
}
