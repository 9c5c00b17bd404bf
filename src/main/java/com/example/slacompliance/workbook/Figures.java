package com.example.slacompliance.workbook;

import java.math.BigDecimal;

/**
 * The compliance figures of one group of tickets (a severity, a tier, or all of them), as the
 * Summary and By tier sheets show them. Null percentages and percentiles: no evaluated ticket.
 *
 * @param withBreach tickets that breached their acknowledgment or their response target
 */
record Figures(int closed, int evaluated, BigDecimal ackPct, BigDecimal responsePct, int withBreach,
               Double ackP50, Double ackP90, Double responseP50, Double responseP90) {

    static final Figures NONE = new Figures(0, 0, null, null, 0, null, null, null, null);
}
