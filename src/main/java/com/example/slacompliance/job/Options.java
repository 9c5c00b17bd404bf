package com.example.slacompliance.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The command line: the job's own options, checked before anything starts. Spring's own
 * {@code --spring.*}, {@code --logging.*} and the declared {@code --sla.*} properties pass through.
 *
 * @param month     {@code --month=YYYY-MM}; empty: the month that contains yesterday in the reporting zone
 * @param demo      {@code --demo}: fill the embedded source with a generated month first
 * @param dryRun    {@code --dry-run}: evaluate and print the summary, write nothing
 * @param importCsv {@code --import=FILE.csv}: load a helpdesk export into the source first
 * @param failUnder {@code --fail-under=PCT}: exit 3 when some severity's compliance is below PCT
 */
public record Options(Optional<YearMonth> month, boolean demo, boolean dryRun, Optional<Path> importCsv,
                      Optional<BigDecimal> failUnder) {

    /** The {@code sla.*} properties of {@link SlaProperties}, in their canonical (kebab-case) form. */
    static final Set<String> SLA_PROPERTIES = Set.of("zone", "output-dir", "compliance-goal-pct",
            "max-reject-ratio", "chunk-size", "fetch-size", "threads");

    /** A command line that cannot be run; its message is the one line the user sees. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static Options parse(String... args) {
        Optional<YearMonth> month = Optional.empty();
        boolean demo = false;
        boolean dryRun = false;
        Optional<Path> importCsv = Optional.empty();
        Optional<BigDecimal> failUnder = Optional.empty();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': options start with --");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "month" -> month = Optional.of(month(value));
                case "demo" -> demo = flag(name, value);
                case "dry-run" -> dryRun = flag(name, value);
                case "import" -> importCsv = Optional.of(Path.of(required(name, value)));
                case "fail-under" -> failUnder = Optional.of(percent(value));
                default -> {
                    if (!isPassThrough(name)) {
                        throw new UsageException("unknown option --" + name + " (known: --month, --demo, --dry-run, "
                                + "--import, --fail-under, --sla.*, --spring.*, --logging.*)");
                    }
                }
            }
        }
        if (dryRun && importCsv.isPresent()) {
            throw new UsageException("--dry-run writes nothing, so it cannot --import: import first, then dry-run");
        }
        return new Options(month, demo, dryRun, importCsv, failUnder);
    }

    static boolean isPassThrough(String name) {
        if (name.startsWith("spring.") || name.startsWith("logging.")) {
            return true;
        }
        if (!name.startsWith("sla.")) {
            return false;
        }
        String property = canonical(name.substring(4));
        return property.startsWith("policy.") || SLA_PROPERTIES.stream().map(Options::canonical).anyMatch(property::equals);
    }

    /** Spring binds outputDir, output-dir and output_dir alike. */
    private static String canonical(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(required("month", value));
        } catch (DateTimeParseException e) {
            throw new UsageException("--month must be a month as YYYY-MM (e.g. 2026-10), got '" + value + "'");
        }
    }

    private static BigDecimal percent(String value) {
        try {
            BigDecimal pct = new BigDecimal(required("fail-under", value));
            if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new NumberFormatException();
            }
            return pct;
        } catch (NumberFormatException e) {
            throw new UsageException("--fail-under must be a percentage from 0 to 100, got '" + value + "'");
        }
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageException("--" + name + " takes no value, got '" + value + "'");
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " needs a value: --" + name + "=...");
        }
        return value;
    }
}
