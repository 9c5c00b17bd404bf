package com.example.slacompliance.sla;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The SLA of one third-party integration, in force for its tickets created at or after 00:00 local
 * time of {@code effectiveDate}; measured on the ticket's tier calendar.
 */
public record IntegrationTargets(String integration, String id, LocalDate effectiveDate, Targets targets) {

    public IntegrationTargets {
        if (integration == null || integration.isBlank()) {
            throw new IllegalArgumentException("integration targets need the integration's name");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("integration targets of " + integration + " need an id");
        }
        Objects.requireNonNull(effectiveDate, "effective date of integration targets " + id);
        Objects.requireNonNull(targets, "targets of integration targets " + id);
    }

    /** Integration names match trimmed and case-insensitively. */
    public static String key(String integration) {
        return integration == null ? "" : integration.trim().toLowerCase(Locale.ROOT);
    }
}
