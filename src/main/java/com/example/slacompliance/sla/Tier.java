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
        Optional<Tier> exact = named(text); // as most rows spell it: no copy of the text needed
        return exact.isPresent() ? exact : named(text.trim().toUpperCase(Locale.ROOT));
    }

    private static final Optional<Tier> ENTERPRISE_TIER = Optional.of(ENTERPRISE);
    private static final Optional<Tier> SME_TIER = Optional.of(SME);
    private static final Optional<Tier> SMB_TIER = Optional.of(SMB);

    private static Optional<Tier> named(String name) {
        return switch (name) {
            case "ENTERPRISE" -> ENTERPRISE_TIER;
            case "SME" -> SME_TIER;
            case "SMB" -> SMB_TIER;
            default -> Optional.empty();
        };
    }

    /** Whether this tier's desk keeps office hours (and so its clock stops at night). */
    public boolean keepsOfficeHours() {
        return this != ENTERPRISE;
    }
}
