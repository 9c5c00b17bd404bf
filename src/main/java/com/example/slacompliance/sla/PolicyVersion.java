package com.example.slacompliance.sla;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One version of the support policy: in force for tickets created at or after 00:00 local time of
 * {@code effectiveDate} (in the reporting zone) until the next version's date.
 *
 * @param holidays local dates on which the SME/SMB desk is closed
 */
public record PolicyVersion(String id, LocalDate effectiveDate, Targets targets, Set<LocalDate> holidays) {

    public PolicyVersion {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a policy version needs an id");
        }
        Objects.requireNonNull(effectiveDate, "effective date of policy version " + id);
        Objects.requireNonNull(targets, "targets of policy version " + id);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** The policy as published: the table's targets, no holidays, in force since ever. */
    public static PolicyVersion defaultVersion() {
        return new PolicyVersion("default", LocalDate.of(1900, 1, 1), Targets.policyTable(), Set.of());
    }
}
