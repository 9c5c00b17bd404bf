package com.example.slacompliance.workbook;

import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.sla.Severity;
import com.example.slacompliance.workbook.PublishedRows.Group;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The month's compliance workbook for managers, {@code <YYYY-MM>/sla-compliance-<YYYY-MM>.xlsx}, and
 * finance's {@code <YYYY-MM>/severity4-<YYYY-MM>.csv}, written from what the publish step published.
 *
 * <p>Both are read in one read-only snapshot, the long sheets are streamed (a few hundred rows in
 * memory whatever the month), and each file replaces the previous one only once it is complete. While
 * this thread reads a long list, other threads write it into its sheet and the CSV, and the database
 * prepares the next list ({@link PublishedRows.Lists}).
 */
public final class MonthlyWorkbook {

    private static final Logger log = LoggerFactory.getLogger(MonthlyWorkbook.class);

    /** Rows that SXSSF keeps in memory per sheet before it flushes them to its temporary file. */
    static final int ROW_WINDOW = 200;

    /** The long lists are written on these while this thread reads the next rows. */
    private static final ThreadFactory WRITER_THREADS = task -> {
        Thread thread = new Thread(task, "workbook-writer");
        thread.setDaemon(true);
        return thread;
    };

    /** What was written. */
    public record Written(Path workbook, Path severity4Csv, List<String> sheets, long breaches, long severity4,
                          long exempt, long rejected, Duration took) {
    }

    private final PublishedRows rows;
    private final TransactionTemplate snapshot;
    private final Policy policy;
    private final BigDecimal goalPct;
    private final int maxRowsPerSheet;

    /** A workbook whose sheets hold up to Excel's 1,048,576 rows each. */
    public MonthlyWorkbook(DataSource dataSource, PlatformTransactionManager transactions, Policy policy,
                           BigDecimal goalPct, int fetchSize) {
        this(dataSource, transactions, policy, goalPct, fetchSize, TableSheet.EXCEL_MAX_ROWS);
    }

    /**
     * @param transactions    the data source's transaction manager: the reads share one read-only snapshot
     * @param goalPct         compliance below this stands out (95 = 95 %)
     * @param fetchSize       rows fetched at a time from the long lists
     * @param maxRowsPerSheet rows per sheet (header included) before a list continues on "Name (2)"
     */
    public MonthlyWorkbook(DataSource dataSource, PlatformTransactionManager transactions, Policy policy,
                           BigDecimal goalPct, int fetchSize, int maxRowsPerSheet) {
        if (maxRowsPerSheet < 2 || maxRowsPerSheet > TableSheet.EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException("rows per sheet must be 2 to " + TableSheet.EXCEL_MAX_ROWS
                    + ", got " + maxRowsPerSheet);
        }
        this.rows = new PublishedRows(dataSource, fetchSize);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.policy = policy;
        this.goalPct = goalPct;
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    public static String workbookName(YearMonth month) {
        return "sla-compliance-" + month + ".xlsx";
    }

    public static String severity4CsvName(YearMonth month) {
        return "severity4-" + month + ".csv";
    }

    /** Writes both files of {@code month} into {@code outputDir/<YYYY-MM>/}; {@code runAt} is the data's "as of". */
    public Written write(Path outputDir, YearMonth month, Instant runAt) throws IOException {
        return write(outputDir, month, runAt, null);
    }

    /**
     * As {@link #write(Path, YearMonth, Instant)}, with the long lists of the run that just published
     * the month, kept as it staged them, instead of reading the published rows back; closes them.
     */
    public Written write(Path outputDir, YearMonth month, Instant runAt, KeptLists.Lists kept) throws IOException {
        try (kept) {
            return write(outputDir, month, runAt, (MonthLists) kept);
        }
    }

    private Written write(Path outputDir, YearMonth month, Instant runAt, MonthLists kept) throws IOException {
        long started = System.nanoTime();
        log.debug("workbook {}: the long lists {}", month,
                kept != null ? "from the rows the run kept as it staged them" : "read back from the published rows");
        Path folder = Files.createDirectories(outputDir.resolve(month.toString()));
        ReportingPeriod period = new ReportingPeriod(month, policy.zone());
        try (AtomicFile workbook = AtomicFile.beside(folder.resolve(workbookName(month)));
             AtomicFile csv = AtomicFile.beside(folder.resolve(severity4CsvName(month)))) {
            Counts counts = snapshot.execute(tx -> write(period, runAt, workbook.temp(), csv.temp(), kept));
            csv.commit();
            workbook.commit();
            Written written = new Written(folder.resolve(workbookName(month)), folder.resolve(severity4CsvName(month)),
                    counts.sheets, counts.breaches, counts.severity4, counts.exempt, counts.rejected,
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("workbook {}: {} sheets, {} breaches, {} severity 4, {} third-party, {} rejected; written in {} ms "
                            + "to {}", month, written.sheets().size(), written.breaches(), written.severity4(),
                    written.exempt(), written.rejected(), written.took().toMillis(), written.workbook());
            return written;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes the small sheets of an empty month to nowhere, on a background thread: loads the classes and
     * XML schemas of POI's charts, conditional formats and formulas (most of the time of those sheets
     * when they are first written) while the month is being evaluated. Nothing is written anywhere; if
     * it fails, the workbook step simply loads them itself. Join the thread before exiting, so that its
     * temporary sheet files are deleted.
     */
    public Thread warmUpInBackground() {
        Thread thread = new Thread(() -> {
            try {
                warmUp();
            } catch (Exception | LinkageError e) {
                log.debug("the workbook warm-up failed; the workbook step loads POI itself", e);
            }
        }, "workbook-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    void warmUp() throws IOException {
        StreamedWorkbook workbook = new StreamedWorkbook(ROW_WINDOW);
        try {
            ReportingPeriod period = new ReportingPeriod(YearMonth.now(policy.zone()), policy.zone());
            Report report = report(workbook, period, Instant.now());
            Map<Group, Figures> none = new EnumMap<>(Group.class);
            for (Group g : Group.values()) {
                none.put(g, Figures.NONE);
            }
            List<Map<Group, Figures>> perSeverity = Collections.nCopies(Severity.COUNT, none);
            new SummarySheet(report).write(perSeverity, Figures.NONE, List.of());
            new ByTierSheet(report).write(perSeverity, none);
            new TrendSheet(report).write(Map.of());
            new PolicySheet(report).write();
            workbook.write(OutputStream.nullOutputStream());
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private Report report(StreamedWorkbook workbook, ReportingPeriod period, Instant runAt) {
        return new Report(workbook, new Cells(new Styles(workbook), policy.zone()), period, runAt, policy, goalPct,
                maxRowsPerSheet);
    }

    private static final class Counts {
        final List<String> sheets = new ArrayList<>();
        long breaches;
        long severity4;
        long exempt;
        long rejected;
    }

    private Counts write(ReportingPeriod period, Instant runAt, Path workbookFile, Path csvFile, MonthLists kept) {
        YearMonth month = period.month();
        StreamedWorkbook workbook = new StreamedWorkbook(ROW_WINDOW);
        ExecutorService writers = Executors.newFixedThreadPool(2, WRITER_THREADS);
        try (Writer csvOut = new Utf8Writer(Files.newOutputStream(csvFile))) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle("SLA compliance " + month);
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("sla-compliance");
            Report report = report(workbook, period, runAt);
            Counts counts = new Counts();

            try (MonthLists lists = kept != null ? kept : rows.lists(month)) {
                List<Map<Group, Figures>> perSeverity = rows.perSeverity(month);
                Map<Group, Figures> allSeverities = rows.allSeverities(month);
                new SummarySheet(report).write(perSeverity, allSeverities.get(Group.ALL), lists.versionsApplied());
                new ByTierSheet(report).write(perSeverity, allSeverities);
                new TrendSheet(report).write(rows.trend(month.minusMonths(TrendSheet.MONTHS - 1), month));

                BreachesSheet breaches = new BreachesSheet(report);
                try (Handoff<TicketResult> toSheet = new Handoff<>(writers, breaches::add)) {
                    lists.breaches(toSheet);
                }
                breaches.finish();
                counts.breaches = breaches.rows();

                Severity4Sheet severity4 = new Severity4Sheet(report);
                Severity4Csv csv = new Severity4Csv(csvOut, policy.zone());
                try (Handoff<Severity4Request> toSheet = new Handoff<>(writers, severity4::add);
                     Handoff<Severity4Request> toCsv = new Handoff<>(writers, csv::add)) {
                    lists.severity4(request -> {
                        toSheet.accept(request);
                        toCsv.accept(request);
                    });
                }
                severity4.finish();
                csv.flush();
                counts.severity4 = csv.rows();

                ThirdPartySheet thirdParty = new ThirdPartySheet(report);
                try (Handoff<TicketResult> toSheet = new Handoff<>(writers, thirdParty::add)) {
                    lists.exempt(toSheet);
                }
                thirdParty.finish();
                counts.exempt = thirdParty.rows();

                RejectedSheet rejected = new RejectedSheet(report);
                rows.rejected(month, rejected::add);
                rejected.finish();
                counts.rejected = rejected.rows();
            }
            new PolicySheet(report).write();

            workbook.writeTo(workbookFile);
            workbook.forEach(sheet -> counts.sheets.add(sheet.getSheetName()));
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writers.shutdownNow();
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                log.debug("closing the workbook", e);
            }
        }
    }
}
