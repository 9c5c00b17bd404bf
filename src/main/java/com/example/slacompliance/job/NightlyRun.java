package com.example.slacompliance.job;

import com.example.slacompliance.job.RunReport.SeverityFigures;
import com.example.slacompliance.publish.Publisher;
import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.source.CsvImport;
import com.example.slacompliance.source.DemoTickets;
import com.example.slacompliance.source.TicketUpsert;
import com.example.slacompliance.source.TicketSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run from the command line: checks that fail fast (exit 2), the run lock (exit 4), recovery of a
 * run that died, the job, the compliance gate (exit 3), and the run report.
 */
@Component
public class NightlyRun implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final SlaProperties properties;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RunFigures figures;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final Job dryRunJob;
    private final Publisher publisher;
    private final String datasourceUrl;
    private final Clock clock = Clock.systemUTC();
    private int exitCode = ExitCode.SUCCESS;

    public NightlyRun(SlaProperties properties, DataSource dataSource, JdbcTemplate jdbc,
                      NamedParameterJdbcTemplate namedJdbc, JobOperator jobOperator, JobRepository jobRepository,
                      @Qualifier("slaComplianceJob") Job job, @Qualifier("slaComplianceDryRunJob") Job dryRunJob,
                      Publisher publisher, DataSourceProperties dataSourceProperties) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.figures = new RunFigures(namedJdbc);
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.dryRunJob = dryRunJob;
        this.publisher = publisher;
        this.datasourceUrl = dataSourceProperties.determineUrl();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            exitCode = run(Options.parse(args.getSourceArgs()));
        } catch (UsageError e) {
            System.err.println("sla-compliance: " + e.getMessage());
            exitCode = ExitCode.USAGE;
        } catch (RunLock.Busy e) {
            System.err.println("sla-compliance: " + e.getMessage());
            exitCode = ExitCode.BUSY;
        } catch (Exception e) {
            log.debug("run failed", e);
            System.err.println("sla-compliance: run failed: " + StartupFailure.describe(e));
            exitCode = ExitCode.FAILED;
        }
    }

    private int run(Options options) throws Exception {
        Instant runAt = clock.instant();
        YearMonth month = options.month()
                .orElseGet(() -> YearMonth.from(LocalDate.ofInstant(runAt, properties.zone()).minusDays(1)));
        ReportingPeriod period = new ReportingPeriod(month, properties.zone());
        if (options.demo() && !isEmbedded()) {
            throw new UsageError("--demo writes generated tickets into the source table, so it runs only on the "
                    + "embedded default database, not on " + StartupFailure.safeUrl(datasourceUrl));
        }
        try (RunLock lock = RunLock.acquire(dataSource, isEmbedded())) {
            Path folder = options.dryRun() ? null : outputFolder(month);
            if (options.demo()) {
                int n = DemoTickets.fill(jdbc, period);
                log.info("demo: {} generated tickets closed in {} are in the embedded tickets table", n, month);
            }
            if (options.importCsv().isPresent()) {
                importTickets(options.importCsv().get());
            }
            if (!TicketSource.exists(jdbc)) {
                throw new UsageError("source table 'tickets' not found in " + StartupFailure.safeUrl(datasourceUrl)
                        + ": create it with sql/tickets.sql, or a view of that shape");
            }
            recoverDeadRuns();
            return options.dryRun() ? dryRun(month, runAt, options) : publishRun(month, runAt, folder, options);
        }
    }

    private int publishRun(YearMonth month, Instant runAt, Path folder, Options options) throws Exception {
        JobExecution execution = jobOperator.start(job, parameters(month, runAt));
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        List<SeverityFigures> severities = completed ? figures.severities(execution.getId(), false) : List.of();
        int code = outcome(completed, severities, options);
        String message = !completed ? failureOf(execution) : code == ExitCode.BELOW_GATE ? gateMessage(options) : null;
        RunReport report = report(month, runAt, execution, severities, code, message);
        try {
            report.writeTo(folder);
        } catch (IOException e) {
            log.debug("cannot write run-summary.json", e);
            System.err.println("sla-compliance: cannot write " + folder.resolve("run-summary.json") + ": "
                    + StartupFailure.describe(e));
            code = ExitCode.worst(code, ExitCode.FAILED);
        }
        System.out.println(report.line());
        return code;
    }

    /** Evaluates and summarizes into the staging tables, prints the figures, and discards them. */
    private int dryRun(YearMonth month, Instant runAt, Options options) throws Exception {
        JobExecution execution = jobOperator.start(dryRunJob, parameters(month, runAt));
        try {
            boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
            List<SeverityFigures> severities = completed ? figures.severities(execution.getId(), true) : List.of();
            int code = outcome(completed, severities, options);
            String message = !completed ? failureOf(execution) : code == ExitCode.BELOW_GATE
                    ? "dry run: nothing written; " + gateMessage(options) : "dry run: nothing written";
            RunReport report = report(month, runAt, execution, severities, code, message);
            System.out.println(report.line());
            return code;
        } finally {
            publisher.discardStaged(execution.getId());
        }
    }

    /** 1 for a failed run; 3 when it succeeded but some severity is under {@code --fail-under}; else 0. */
    private static int outcome(boolean completed, List<SeverityFigures> severities, Options options) {
        if (!completed) {
            return ExitCode.FAILED;
        }
        boolean below = options.failUnder().map(gate -> RunReport.belowGate(severities, gate)).orElse(false);
        return below ? ExitCode.BELOW_GATE : ExitCode.SUCCESS;
    }

    private static String gateMessage(Options options) {
        return "compliance below --fail-under=" + options.failUnder().orElseThrow().toPlainString() + " %";
    }

    private RunReport report(YearMonth month, Instant runAt, JobExecution execution, List<SeverityFigures> severities,
                             int code, String message) {
        long read = SlaJobConfiguration.evaluateCount(execution, StepExecution::getReadCount);
        long[] counts;
        try {
            counts = figures.counts(month.toString(), execution.getId(), severities);
        } catch (DataAccessException e) { // the database may be what failed the run
            log.debug("cannot read the run's counts", e);
            counts = new long[] {0, 0, 0};
            message = (message == null ? "" : message + "; ") + "counts unavailable: " + StartupFailure.describe(e);
        }
        BatchStatus batch = execution.getStatus();
        String status = batch == BatchStatus.COMPLETED || batch == BatchStatus.STOPPED ? batch.name() : "FAILED";
        return new RunReport(month.toString(), runAt, status, read, counts[0] - counts[1],
                counts[1], counts[2], severities, code, Duration.between(runAt, clock.instant()), message);
    }

    private static org.springframework.batch.core.job.parameters.JobParameters parameters(YearMonth month, Instant runAt) {
        return new JobParametersBuilder()
                .addString("month", month.toString())
                .addString("run", runAt.toString())
                .toJobParameters();
    }

    private static String failureOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.STOPPED || GracefulStop.isRequested()) {
            return "stopped by a signal; the next run redoes the month";
        }
        return execution.getAllFailureExceptions().stream().findFirst()
                .map(StartupFailure::describe).orElse(execution.getExitStatus().getExitDescription());
    }

    /** Loads a helpdesk export; skipped lines are reported on stderr, then one line on stdout. */
    private void importTickets(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new UsageError("--import: cannot read " + file.toAbsolutePath());
        }
        CsvImport.Outcome outcome;
        try {
            outcome = new TicketUpsert(jdbc, isEmbedded()).importFile(file, new CsvImport(properties.zone()));
        } catch (CsvImport.BadHeader e) {
            throw new UsageError("--import " + file + ": " + e.getMessage());
        }
        outcome.skipped().forEach(s -> System.err.println("import " + file + " line " + s.line() + ": skipped, " + s.reason()));
        System.out.println(outcome.line());
    }

    /**
     * Executions left STARTED hold no lock, so the process that ran them is gone (killed, or the machine
     * died): mark them failed. Their staged rows are dropped by the next job's prepare step.
     */
    private void recoverDeadRuns() {
        for (String name : List.of(SlaJobConfiguration.JOB_NAME, SlaJobConfiguration.DRY_RUN_JOB_NAME)) {
            for (JobExecution dead : jobRepository.findRunningJobExecutions(name)) {
                log.warn("job execution {} of {} was left {} by a process that is gone: marking it failed",
                        dead.getId(), name, dead.getStatus());
                jobOperator.recover(dead);
            }
        }
    }

    private boolean isEmbedded() {
        return datasourceUrl != null && datasourceUrl.startsWith("jdbc:h2:");
    }

    /** The month's output folder, created and checked writable before any work. */
    private Path outputFolder(YearMonth month) {
        Path folder = properties.outputDir().resolve(month.toString());
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            Files.delete(probe);
            return folder;
        } catch (IOException | SecurityException e) {
            throw new UsageError("output folder " + folder.toAbsolutePath() + " cannot be created or written: "
                    + StartupFailure.describe(e));
        }
    }

    /** A problem the user must fix before the job can run: exit 2, one line. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
