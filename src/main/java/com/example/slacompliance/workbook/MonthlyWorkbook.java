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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The month's compliance workbook for managers, {@code <YYYY-MM>/sla-compliance-<YYYY-MM>.xlsx}, and
 * finance's {@code <YYYY-MM>/severity4-<YYYY-MM>.csv}: either {@link #draft drafted} while a run
 * publishes the month, from what it staged and the rows it kept ({@link KeptLists}), or
 * {@link #write written} from what was published, read in one read-only snapshot. Both give the same files.
 *
 * <p>The long sheets are streamed (a few hundred rows in memory whatever the month), and each file
 * replaces the previous one only once it is complete. While one thread reads a long list, other threads
 * write it into its sheet and the CSV; reading the published month, the database prepares the next list
 * meanwhile ({@link PublishedRows.Lists}).
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
        log.debug("workbook {}: from the published rows", month);
        Draft draft = new Draft(outputDir, month);
        try {
            draft.counts = snapshot.execute(tx -> {
                try (PublishedRows.Lists lists = rows.lists(month)) {
                    return draft.write(this, runAt, rows.published(month), lists);
                }
            });
            return draft.commit();
        } finally {
            draft.discard();
        }
    }

    /**
     * Starts writing both files of {@code month} while the run {@code run} publishes it: from what the
     * run staged to publish (read now, in a transaction of its own, before the run publishes) and the long
     * lists it kept as it staged them, on a thread of its own. {@link Draft#commit} the files once the
     * month is published, or {@link Draft#discard} them. Closes {@code kept}, also when it fails.
     */
    public Draft draft(Path outputDir, YearMonth month, Instant runAt, long run, KeptLists.Lists kept)
            throws IOException {
        log.debug("workbook {}: from what run {} staged to publish and the rows it kept", month, run);
        Draft draft = null;
        try {
            PublishedRows.MonthFigures figures = snapshot.execute(tx -> rows.staged(month, run));
            draft = new Draft(outputDir, month);
            draft.kept = kept;
            Draft writing = draft;
            draft.thread = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "workbook-draft");
                t.setDaemon(true);
                return t;
            });
            draft.writing = draft.thread.submit(() -> {
                try (kept) {
                    return writing.write(this, runAt, figures, kept);
                }
            });
            draft.thread.shutdown();
            return draft;
        } catch (IOException | RuntimeException e) {
            kept.close();
            if (draft != null) {
                draft.discard();
            }
            throw e;
        }
    }

    /** Both files of a month, written beside their targets until {@link #commit}. */
    public static final class Draft {

        private final long started = System.nanoTime();
        private final YearMonth month;
        private final Path folder;
        private final AtomicFile workbook;
        private final AtomicFile csv;
        private ExecutorService thread;
        private Future<Counts> writing;
        private KeptLists.Lists kept;
        private Counts counts;

        private Draft(Path outputDir, YearMonth month) throws IOException {
            this.month = month;
            this.folder = Files.createDirectories(outputDir.resolve(month.toString()));
            this.workbook = AtomicFile.beside(folder.resolve(workbookName(month)));
            AtomicFile severity4 = null;
            try {
                severity4 = AtomicFile.beside(folder.resolve(severity4CsvName(month)));
            } finally {
                if (severity4 == null) {
                    workbook.close();
                }
            }
            this.csv = severity4;
        }

        private Counts write(MonthlyWorkbook of, Instant runAt, PublishedRows.MonthFigures figures, MonthLists lists) {
            return of.write(new ReportingPeriod(month, of.policy.zone()), runAt, workbook.temp(), csv.temp(), figures,
                    lists);
        }

        /** Waits for the files to be written, then puts them in place of the month's last ones. */
        public Written commit() throws IOException {
            try {
                if (counts == null) {
                    counts = writing.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the workbook was written", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            csv.commit();
            workbook.commit();
            Written written = new Written(folder.resolve(workbookName(month)), folder.resolve(severity4CsvName(month)),
                    counts.sheets, counts.breaches, counts.severity4, counts.exempt, counts.rejected,
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("workbook {}: {} sheets, {} breaches, {} severity 4, {} third-party, {} rejected; written in {} ms "
                            + "to {}", month, written.sheets().size(), written.breaches(), written.severity4(),
                    written.exempt(), written.rejected(), written.took().toMillis(), written.workbook());
            return written;
        }

        /**
         * Stops writing, if it still is, waits until the writing thread has ended (and deleted its
         * temporary sheet files), then deletes what was not committed, and the kept rows.
         */
        public void discard() {
            if (kept != null) {
                kept.close(); // also when the writing never started; a writing that reads them stops
            }
            if (thread != null) {
                thread.shutdownNow();
                try {
                    if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                        log.warn("the workbook being written for {} did not stop within a minute", month);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                csv.close();
                workbook.close();
            } catch (IOException e) {
                log.debug("deleting the temporary files of the workbook", e);
            }
        }
    }

    /**
     * Writes the small sheets of an empty month to nowhere, on a background thread: loads the classes and
     * XML schemas of POI's charts, conditional formats and formulas (most of the time of those sheets
     * when they are first written). The application starts it before Spring does, while the second core
     * is mostly idle. Nothing is written anywhere; if it fails, the workbook step simply loads them
     * itself. Join the thread before exiting, so that its temporary sheet files are deleted.
     */
    public static Thread warmUpInBackground() {
        Thread thread = new Thread(() -> {
            try {
                warmUp(Policy.defaultPolicy(ZoneOffset.UTC));
            } catch (Exception | LinkageError e) {
                log.debug("the workbook warm-up failed; the workbook step loads POI itself", e);
            }
        }, "workbook-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void warmUp(Policy policy) throws IOException {
        StreamedWorkbook workbook = new StreamedWorkbook(ROW_WINDOW);
        try {
            ReportingPeriod period = new ReportingPeriod(YearMonth.now(policy.zone()), policy.zone());
            Report report = report(workbook, period, Instant.now(), policy, BigDecimal.valueOf(95),
                    TableSheet.EXCEL_MAX_ROWS);
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

    private static Report report(StreamedWorkbook workbook, ReportingPeriod period, Instant runAt, Policy policy,
                                 BigDecimal goalPct, int listRowsPerSheet) {
        return new Report(workbook, new Cells(new Styles(workbook), policy.zone()), period, runAt, policy, goalPct,
                listRowsPerSheet);
    }

    private static final class Counts {
        final List<String> sheets = new ArrayList<>();
        long breaches;
        long severity4;
        long exempt;
        long rejected;
    }

    private Counts write(ReportingPeriod period, Instant runAt, Path workbookFile, Path csvFile,
                         PublishedRows.MonthFigures figures, MonthLists lists) {
        YearMonth month = period.month();
        StreamedWorkbook workbook = new StreamedWorkbook(ROW_WINDOW);
        ExecutorService writers = Executors.newFixedThreadPool(2, WRITER_THREADS);
        try (Writer csvOut = new Utf8Writer(Files.newOutputStream(csvFile))) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle("SLA compliance " + month);
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("sla-compliance");
            Report report = report(workbook, period, runAt, policy, goalPct, maxRowsPerSheet);
            Counts counts = new Counts();

            List<Map<Group, Figures>> perSeverity = figures.perSeverity();
            Map<Group, Figures> allSeverities = figures.allSeverities();
            new SummarySheet(report).write(perSeverity, allSeverities.get(Group.ALL), lists.versionsApplied());
            new ByTierSheet(report).write(perSeverity, allSeverities);
            new TrendSheet(report).write(figures.trend());

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
            figures.rejected().accept(rejected::add);
            rejected.finish();
            counts.rejected = rejected.rows();
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
