package com.example.slacompliance.job;

import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.source.DemoTickets;
import com.example.slacompliance.source.TicketSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One run from the command line: checks, then the job, then the exit code for the scheduler. */
@Component
public class NightlyRun implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final SlaProperties properties;
    private final JdbcTemplate jdbc;
    private final JobOperator jobOperator;
    private final Job job;
    private final String datasourceUrl;
    private final Clock clock = Clock.systemUTC();
    private int exitCode = ExitCode.SUCCESS;

    public NightlyRun(SlaProperties properties, JdbcTemplate jdbc, JobOperator jobOperator, Job job,
                      DataSourceProperties dataSource) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.jobOperator = jobOperator;
        this.job = job;
        this.datasourceUrl = dataSource.determineUrl();
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
        } catch (Exception e) {
            log.error("run failed", e);
            System.err.println("sla-compliance: run failed: " + StartupFailure.describe(e));
            exitCode = ExitCode.FAILED;
        }
    }

    private int run(Options options) throws Exception {
        Instant runAt = clock.instant();
        YearMonth month = options.month()
                .orElseGet(() -> YearMonth.from(LocalDate.ofInstant(runAt, properties.zone()).minusDays(1)));
        ReportingPeriod period = new ReportingPeriod(month, properties.zone());
        if (options.demo()) {
            if (!isEmbedded()) {
                throw new UsageError("--demo writes generated tickets into the source table, so it runs only on the "
                        + "embedded default database, not on " + StartupFailure.safeUrl(datasourceUrl));
            }
            int n = DemoTickets.fill(jdbc, period);
            log.info("demo: {} generated tickets closed in {} are in the embedded tickets table", n, month);
        }
        if (!TicketSource.exists(jdbc)) {
            throw new UsageError("source table 'tickets' not found in " + StartupFailure.safeUrl(datasourceUrl)
                    + ": create it with sql/tickets.sql, or a view of that shape");
        }
        Path outputDir = outputFolder(month);

        JobParameters parameters = new JobParametersBuilder()
                .addString("month", month.toString())
                .addString("run", runAt.toString())
                .toJobParameters();
        JobExecution execution = jobOperator.start(job, parameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().findFirst()
                    .map(StartupFailure::describe).orElse(execution.getExitStatus().getExitDescription());
            System.out.printf("sla-compliance %s: FAILED (%s): %s%n", month, execution.getStatus(), why);
            return ExitCode.FAILED;
        }
        System.out.printf("sla-compliance %s: published (job execution %d); output in %s%n",
                month, execution.getId(), outputDir);
        return ExitCode.SUCCESS;
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
