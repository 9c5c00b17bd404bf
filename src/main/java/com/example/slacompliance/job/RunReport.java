package com.example.slacompliance.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a run did, for the person on call: one line on stdout and {@code run-summary.json} next to the
 * month's workbook (written for failed runs too).
 *
 * @param status     COMPLETED, FAILED, STOPPED, DRY_RUN ...
 * @param severities compliance per severity over all tiers (empty when nothing was summarized)
 */
record RunReport(String period, Instant asOf, String status, long read, long evaluated, long exempt, long rejected,
                 List<SeverityFigures> severities, int exitCode, Duration duration, String message) {

    /** One severity's figures over all tiers; percentages are null when nothing was evaluated. */
    record SeverityFigures(int severity, long closed, long evaluated, BigDecimal ackPct, BigDecimal responsePct) {

        boolean below(BigDecimal gate) {
            return evaluated > 0 && (ackPct.compareTo(gate) < 0 || responsePct.compareTo(gate) < 0);
        }
    }

    /** Whether some severity with evaluated tickets is under the gate (exit 3). */
    static boolean belowGate(List<SeverityFigures> severities, BigDecimal gate) {
        return severities.stream().anyMatch(s -> s.below(gate));
    }

    String line() {
        String figures = severities.stream()
                .map(s -> "S" + s.severity() + " " + pct(s.ackPct()) + "/" + pct(s.responsePct()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "sla-compliance %s: %s; %d read, %d evaluated, %d exempt, %d rejected%s; "
                        + "exit %d in %.1f s%s",
                period, status, read, evaluated, exempt, rejected,
                figures.isEmpty() ? "" : "; ack/response % " + figures,
                exitCode, duration.toMillis() / 1000.0, message == null ? "" : " (" + message + ")");
    }

    String json() {
        String figures = severities.stream().map(s -> String.format(Locale.ROOT,
                        "    {\"severity\": %d, \"closed\": %d, \"evaluated\": %d, \"ack_compliance_pct\": %s, "
                                + "\"response_compliance_pct\": %s}",
                        s.severity(), s.closed(), s.evaluated(), s.ackPct(), s.responsePct()))
                .collect(Collectors.joining(",\n"));
        return "{\n"
                + "  \"period\": " + quote(period) + ",\n"
                + "  \"as_of\": " + quote(asOf.toString()) + ",\n"
                + "  \"status\": " + quote(status) + ",\n"
                + "  \"exit_code\": " + exitCode + ",\n"
                + "  \"duration_seconds\": " + String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0) + ",\n"
                + "  \"read\": " + read + ",\n"
                + "  \"evaluated\": " + evaluated + ",\n"
                + "  \"exempt\": " + exempt + ",\n"
                + "  \"rejected\": " + rejected + ",\n"
                + "  \"compliance\": [" + (figures.isEmpty() ? "" : "\n" + figures + "\n  ") + "],\n"
                + "  \"message\": " + (message == null ? "null" : quote(message)) + "\n"
                + "}\n";
    }

    /** Writes {@code run-summary.json} into the month's folder, atomically. */
    void writeTo(Path folder) throws IOException {
        Path tmp = Files.createTempFile(folder, ".run-summary", ".tmp");
        try {
            Files.writeString(tmp, json(), StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve("run-summary.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String pct(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
