package com.example.slacompliance.workbook;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The compliance figures of one group of tickets (a severity, a tier, or all of them), as the
 * Summary and By tier sheets show them. Null percentages and percentiles: no evaluated ticket.
 *
 * @param withBreach tickets that breached their acknowledgment or their response target
 */
record Figures(int closed, int evaluated, BigDecimal ackPct, BigDecimal responsePct, int withBreach,
               Double ackP50, Double ackP90, Double responseP50, Double responseP90) {

    static final Figures NONE = new Figures(0, 0, null, null, 0, null, null, null, null);

    /** 100 x met / evaluated rounded half-up to 2 decimals, as SLA-RULES.md and the summary table do. */
    static BigDecimal pct(long met, long evaluated) {
        return evaluated == 0 ? null
                : BigDecimal.valueOf(100 * met).divide(BigDecimal.valueOf(evaluated), 2, RoundingMode.HALF_UP);
    }

    Figures withBreach(int count) {
        return new Figures(closed, evaluated, ackPct, responsePct, count, ackP50, ackP90, responseP50, responseP90);
    }
}
