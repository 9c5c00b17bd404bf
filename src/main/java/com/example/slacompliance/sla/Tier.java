package com.example.slacompliance.sla;

import java.util.Locale;
import java.util.Optional;

/** A customer tier. Its support calendar follows from it: Enterprise is 24x7, SME and SMB are 14x7. */
public enum Tier {
    ENTERPRISE, SME, SMB;

    /** Parses a tier as helpdesks write it: trimmed, any case. Empty for null or anything else. */
    public static Optional<Tier> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "ENTERPRISE" -> Optional.of(ENTERPRISE);
            case "SME" -> Optional.of(SME);
            case "SMB" -> Optional.of(SMB);
            default -> Optional.empty();
        };
    }

    /** Whether this tier's desk keeps office hours (and so its clock stops at night). */
    public boolean keepsOfficeHours() {
        return this != ENTERPRISE;
    }
}
