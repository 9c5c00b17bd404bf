package com.example.slacompliance.sla;

/** Severity levels 1 (stops useful work) to 4 (business operations requests). */
public final class Severity {

    public static final int COUNT = 4;

    private Severity() {
    }

    public static boolean isValid(Integer severity) {
        return severity != null && severity >= 1 && severity <= COUNT;
    }

    static int index(int severity) {
        if (!isValid(severity)) {
            throw new IllegalArgumentException("severity must be 1 to 4, got " + severity);
        }
        return severity - 1;
    }
}
