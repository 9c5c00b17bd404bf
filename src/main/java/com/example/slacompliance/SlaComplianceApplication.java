package com.example.slacompliance;

import com.example.slacompliance.job.ExitCode;
import com.example.slacompliance.job.GracefulStop;
import com.example.slacompliance.job.Options;
import com.example.slacompliance.job.StartupFailure;
import com.example.slacompliance.workbook.MonthlyWorkbook;
import java.sql.SQLException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar sla-compliance.jar [--month=YYYY-MM] [--demo] ...}: one run, one exit code. */
@SpringBootApplication
public class SlaComplianceApplication {

    /** H2: "Database may be already in use" (another process has the embedded file open). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    public static void main(String[] args) {
        GracefulStop.installShutdownHook();
        int code;
        try {
            code = run(args);
        } catch (SpringApplication.AbandonedRunException e) {
            GracefulStop.finished(0); // the build's ahead-of-time processing, not a run: exit at once
            throw e;
        }
        GracefulStop.finished(code);
        System.exit(code);
    }

    /** Runs the job and returns the exit code; usage and start-up errors are one line on stderr. */
    public static int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            System.err.println("sla-compliance: " + e.getMessage());
            return ExitCode.USAGE;
        }
        // POI's classes loaded on the core Spring's start leaves mostly idle, for a run that writes a workbook
        Thread warmUp = options.dryRun() ? null : MonthlyWorkbook.warmUpInBackground();
        try {
            return start(args);
        } finally {
            if (warmUp != null) {
                try {
                    warmUp.join(10_000); // long over by then; its temporary files are deleted when it ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int start(String... args) {
        ConfigurableApplicationContext context;
        String[] datasourceUrl = {null};
        try {
            SpringApplication application = new SpringApplication(SlaComplianceApplication.class);
            application.addListeners((ApplicationEnvironmentPreparedEvent event) ->
                    datasourceUrl[0] = event.getEnvironment().getProperty("spring.datasource.url"));
            application.setRegisterShutdownHook(false); // GracefulStop handles SIGTERM, then the context closes
            context = application.run(args);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // ahead-of-time processing at build time stops the run once the context is prepared
        } catch (RuntimeException e) {
            SQLException sql = StartupFailure.sqlCause(e);
            if (sql != null && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                System.err.println("sla-compliance: another sla-compliance run has the embedded database open; "
                        + "nothing was touched");
                return ExitCode.BUSY;
            }
            String what = sql != null ? "cannot use the database " + StartupFailure.safeUrl(datasourceUrl[0]) : "cannot start";
            System.err.println("sla-compliance: " + what + ": " + StartupFailure.describe(e));
            return ExitCode.USAGE;
        }
        return SpringApplication.exit(context);
    }
}
