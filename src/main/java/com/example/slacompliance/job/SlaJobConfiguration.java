package com.example.slacompliance.job;

import com.example.slacompliance.evaluate.StageWriter;
import com.example.slacompliance.publish.Publisher;
import com.example.slacompliance.publish.RejectGuard;
import com.example.slacompliance.sla.Judge;
import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.source.TicketSource;
import com.example.slacompliance.summary.RunningSummaries;
import com.example.slacompliance.summary.SummaryCalculator;
import com.example.slacompliance.workbook.KeptLists;
import com.example.slacompliance.workbook.MonthlyWorkbook;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.YearMonth;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.ThrowingConsumer;

/**
 * The nightly job: prepare, evaluate (tickets -> verdicts -> staged rows), summarize, publish
 * (one transaction). Job parameters: {@code month} (YYYY-MM) and {@code run} (the run's instant).
 */
@Configuration
@EnableConfigurationProperties(SlaProperties.class)
public class SlaJobConfiguration {

    public static final String JOB_NAME = "slaCompliance";
    /** Evaluates and summarizes into the staging tables only: {@code --dry-run}. */
    public static final String DRY_RUN_JOB_NAME = "slaComplianceDryRun";
    /** The step that reads, judges and stages the month's tickets. */
    static final String EVALUATE = "evaluate";

    private final GracefulStop gracefulStop = new GracefulStop();
    private final StepLog stepLog = new StepLog();

    /**
     * Connections a run uses at once: the run lock's, and per evaluate slice its cursor's and its chunk
     * transaction's, and one spare. With fewer, the slices took turns on a connection: evaluating a
     * million tickets took 12.7 s instead of 9.8 s with two slices and a pool of 4.
     */
    static int connectionsNeeded(int threads) {
        return 2 * threads + 2;
    }

    /** Raises the pool to {@link #connectionsNeeded} for {@code sla.threads} when it is configured smaller. */
    @Bean
    static BeanPostProcessor enoughConnections(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) { // after its spring.datasource.hikari.* were bound
                    int needed = connectionsNeeded(environment.getProperty("sla.threads", Integer.class, 2));
                    pool.setMaximumPoolSize(Math.max(pool.getMaximumPoolSize(), needed));
                }
                return bean;
            }
        };
    }

    /** Flyway migrates only a database that lacks one of the jar's migrations ({@link MigrateWhenBehind}). */
    @Bean
    static FlywayMigrationStrategy migrateWhenBehind() {
        return new MigrateWhenBehind();
    }

    @Bean
    Judge judge(SlaProperties properties) {
        return new Judge(properties.toPolicy());
    }

    @Bean
    Publisher publisher(NamedParameterJdbcTemplate jdbc, DataSourceProperties dataSource) {
        return new Publisher(jdbc, isPostgres(dataSource));
    }

    static boolean isPostgres(DataSourceProperties dataSource) {
        return String.valueOf(dataSource.determineUrl()).startsWith("jdbc:postgresql:");
    }

    @Bean
    RunningSummaries runningSummaries() {
        return new RunningSummaries();
    }

    @Bean
    KeptLists keptLists() {
        return new KeptLists();
    }

    @Bean
    SummaryCalculator summaryCalculator(JdbcTemplate jdbc, SlaProperties properties, RunningSummaries running) {
        return new SummaryCalculator(jdbc, properties.fetchSize(), running);
    }

    @Bean
    RejectGuard rejectGuard(NamedParameterJdbcTemplate jdbc, SlaProperties properties) {
        return new RejectGuard(jdbc, properties.maxRejectRatio());
    }

    @Bean
    Job slaComplianceJob(JobRepository repository, Step prepare, Step evaluate, Step summarize, Step publish,
                         Step workbook, WorkbookDrafts drafts) {
        return new JobBuilder(JOB_NAME, repository)
                .start(prepare).next(evaluate).next(summarize).next(publish).next(workbook)
                .listener(drafts)
                .build();
    }

    @Bean
    Job slaComplianceDryRunJob(JobRepository repository, Step prepare, Step evaluate, Step summarize) {
        return new JobBuilder(DRY_RUN_JOB_NAME, repository)
                .start(prepare).next(evaluate).next(summarize)
                .build();
    }

    /** Drops rows staged by earlier runs that died before publishing; makes room for this run's. */
    @Bean
    Step prepare(JobRepository repository, PlatformTransactionManager tm, Publisher publisher) {
        return taskletStep("prepare", repository, tm, run -> publisher.prepare(run.month(), run.jobExecutionId()));
    }

    /**
     * Evaluates the month in {@code sla.threads} slices of its time range at once, so that reading,
     * judging and writing overlap across cores and database connections.
     */
    @Bean
    Step evaluate(JobRepository repository, SlaProperties properties, Step evaluateSlice,
                  Partitioner monthSlices) {
        return new StepBuilder(EVALUATE, repository)
                .partitioner("evaluateSlice", monthSlices)
                .step(evaluateSlice)
                .gridSize(properties.threads())
                .taskExecutor(new SimpleAsyncTaskExecutor("evaluate-"))
                .listener(stepLog)
                .build();
    }

    @Bean
    @StepScope
    Partitioner monthSlices(SlaProperties properties, JdbcTemplate jdbc, DataSourceProperties dataSource,
                            @Value("#{jobParameters['month']}") String month) {
        boolean postgres = isPostgres(dataSource);
        return new MonthSlices(new ReportingPeriod(YearMonth.parse(month), properties.zone()),
                () -> postgres ? TicketSource.closedAtStatistics(jdbc) : TicketSource.ClosedAtStatistics.NONE);
    }

    @Bean
    Step evaluateSlice(JobRepository repository, PlatformTransactionManager tm, SlaProperties properties,
                       DataSource dataSource, Judge judge, StageWriter stageWriter) {
        SliceReader tickets = new SliceReader(dataSource, properties.fetchSize());
        return new StepBuilder("evaluateSlice", repository)
                .tasklet(new EvaluateSlice(tickets, judge, stageWriter, properties.chunkSize()), tm)
                .stream(tickets)
                .listener(gracefulStop).listener(stepLog)
                .build();
    }

    @Bean
    @StepScope
    StageWriter stageWriter(JdbcTemplate jdbc, DataSourceProperties dataSource, RunningSummaries running,
                            KeptLists keptLists, @Value("#{jobParameters['month']}") String month,
                            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                            @Value("#{stepExecution.jobExecution.jobInstance.jobName}") String job) {
        return new StageWriter(jdbc, month, jobExecutionId, isPostgres(dataSource), running.of(jobExecutionId),
                job.equals(JOB_NAME) ? keptLists.of(jobExecutionId) : null);
    }

    @Bean
    Step summarize(JobRepository repository, PlatformTransactionManager tm, SummaryCalculator calculator) {
        return taskletStep("summarize", repository, tm, run ->
                calculator.summarize(run.month(), run.jobExecutionId(),
                        evaluateCount(run.execution(), StepExecution::getWriteCount)));
    }

    @Bean
    WorkbookDrafts workbookDrafts(KeptLists keptLists, MonthlyWorkbook monthlyWorkbook, SlaProperties properties) {
        return new WorkbookDrafts(keptLists, monthlyWorkbook, properties.outputDir());
    }

    /**
     * Replaces the month's published rows in the step's one transaction, unless there is too much bad data.
     * Meanwhile the month's workbook is written on other threads, from what the run staged and the rows
     * it kept as it staged them: the database builds the month's key while the workbook uses the other core.
     */
    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tm, Publisher publisher, RejectGuard guard,
                 WorkbookDrafts drafts) {
        return taskletStep("publish", repository, tm, run -> {
            guard.check(run.jobExecutionId());
            drafts.start(run.jobExecutionId(), YearMonth.parse(run.month()), run.asOf(),
                    evaluateCount(run.execution(), StepExecution::getWriteCount));
            try {
                publisher.publish(run.month(), run.jobExecutionId());
            } catch (RuntimeException e) {
                drafts.discard(run.jobExecutionId());
                throw e;
            }
        });
    }

    @Bean
    MonthlyWorkbook monthlyWorkbook(DataSource dataSource, PlatformTransactionManager tm, Judge judge,
                                    SlaProperties properties) {
        return new MonthlyWorkbook(dataSource, tm, judge.policy(), properties.complianceGoalPct(),
                properties.fetchSize());
    }

    /**
     * Puts the month's workbook and Severity 4 CSV written while the month was published in place, or,
     * when none was (a run restarted after its publish step, a run that did not keep its rows), writes
     * them from what was published.
     */
    @Bean
    Step workbook(JobRepository repository, PlatformTransactionManager tm, WorkbookDrafts drafts) {
        return taskletStep("workbook", repository, tm, run ->
                drafts.finish(run.jobExecutionId(), YearMonth.parse(run.month()), run.asOf()));
    }

    /** A count of a run's evaluate step, e.g. {@code StepExecution::getReadCount} (0 if it did not run). */
    static long evaluateCount(JobExecution execution, ToLongFunction<StepExecution> count) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(EVALUATE))
                .mapToLong(count).sum();
    }

    /** What a one-shot step needs to know of its run. */
    record Run(String month, Instant asOf, JobExecution execution) {

        long jobExecutionId() {
            return execution.getId();
        }
    }

    /** A step that does one thing once, in one transaction, stoppable and logged like the others. */
    private Step taskletStep(String name, JobRepository repository, PlatformTransactionManager tm,
                             ThrowingConsumer<Run> work) {
        return new StepBuilder(name, repository)
                .tasklet((contribution, context) -> {
                    var step = context.getStepContext();
                    Object asOf = step.getJobParameters().get("run");
                    work.acceptWithException(new Run((String) step.getJobParameters().get("month"),
                            asOf == null ? Instant.now() : Instant.parse((String) asOf),
                            step.getStepExecution().getJobExecution()));
                    return RepeatStatus.FINISHED;
                }, tm)
                .listener(gracefulStop).listener(stepLog)
                .build();
    }
}
