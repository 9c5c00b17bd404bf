package com.example.slacompliance.sla;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** A calendar month in the reporting zone: tickets closed in {@code [start, end)} belong to it. */
public record ReportingPeriod(YearMonth month, ZoneId zone) {

    public Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** {@code YYYY-MM}, as stored in the {@code period} columns. */
    public String label() {
        return month.toString();
    }
}
