package com.example.slacompliance;

import com.example.slacompliance.job.ExitCode;
import com.example.slacompliance.job.Options;
import com.example.slacompliance.job.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar sla-compliance.jar [--month=YYYY-MM] [--demo] ...}: one run, one exit code. */
@SpringBootApplication
public class SlaComplianceApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job and returns the exit code; usage and start-up errors are one line on stderr. */
    public static int run(String... args) {
        try {
            Options.parse(args);
        } catch (Options.UsageException e) {
            System.err.println("sla-compliance: " + e.getMessage());
            return ExitCode.USAGE;
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(SlaComplianceApplication.class).run(args);
        } catch (RuntimeException e) {
            System.err.println("sla-compliance: cannot start: " + StartupFailure.describe(e));
            return ExitCode.USAGE;
        }
        return SpringApplication.exit(context);
    }
}
