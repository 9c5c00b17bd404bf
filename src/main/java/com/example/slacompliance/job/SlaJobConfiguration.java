package com.example.slacompliance.job;

import com.example.slacompliance.evaluate.StageWriter;
import com.example.slacompliance.publish.Publisher;
import com.example.slacompliance.sla.Judge;
import com.example.slacompliance.sla.Judgement;
import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.sla.Ticket;
import com.example.slacompliance.source.TicketSource;
import com.example.slacompliance.summary.SummaryCalculator;
import com.example.slacompliance.workbook.MonthlyWorkbook;
import java.time.Instant;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: prepare, evaluate (tickets -> verdicts -> staged rows), summarize (SQL), publish
 * (one transaction). Job parameters: {@code month} (YYYY-MM) and {@code run} (the run's instant).
 */
@Configuration
@EnableConfigurationProperties(SlaProperties.class)
public class SlaJobConfiguration {

    public static final String JOB_NAME = "slaCompliance";

    @Bean
    Judge judge(SlaProperties properties) {
        return new Judge(properties.toPolicy());
    }

    @Bean
    Publisher publisher(NamedParameterJdbcTemplate jdbc) {
        return new Publisher(jdbc);
    }

    @Bean
    SummaryCalculator summaryCalculator(NamedParameterJdbcTemplate jdbc) {
        return new SummaryCalculator(jdbc);
    }

    @Bean
    Job slaComplianceJob(JobRepository repository, Step prepare, Step evaluate, Step summarize, Step publish,
                         Step workbook) {
        return new JobBuilder(JOB_NAME, repository)
                .start(prepare).next(evaluate).next(summarize).next(publish).next(workbook)
                .build();
    }

    /** Drops rows staged by earlier runs that died before publishing. */
    @Bean
    Step prepare(JobRepository repository, PlatformTransactionManager tm, Publisher publisher) {
        return new StepBuilder("prepare", repository)
                .tasklet((contribution, context) -> {
                    publisher.discardLeftovers(context.getStepContext().getStepExecution().getJobExecutionId());
                    return RepeatStatus.FINISHED;
                }, tm)
                .build();
    }

    @Bean
    Step evaluate(JobRepository repository, PlatformTransactionManager tm, SlaProperties properties,
                  JdbcCursorItemReader<Ticket> ticketReader, Judge judge, StageWriter stageWriter) {
        return new StepBuilder("evaluate", repository)
                .<Ticket, Judgement>chunk(properties.chunkSize())
                .transactionManager(tm)
                .reader(ticketReader)
                .processor(judge::judge)
                .writer(stageWriter)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<Ticket> ticketReader(DataSource dataSource, SlaProperties properties,
                                              @Value("#{jobParameters['month']}") String month) {
        return TicketSource.reader(dataSource, new ReportingPeriod(YearMonth.parse(month), properties.zone()),
                properties.fetchSize());
    }

    @Bean
    @StepScope
    StageWriter stageWriter(JdbcTemplate jdbc, @Value("#{jobParameters['month']}") String month,
                            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        return new StageWriter(jdbc, month, jobExecutionId);
    }

    @Bean
    Step summarize(JobRepository repository, PlatformTransactionManager tm, SummaryCalculator calculator) {
        return new StepBuilder("summarize", repository)
                .tasklet((contribution, context) -> {
                    var step = context.getStepContext();
                    calculator.summarize((String) step.getJobParameters().get("month"),
                            step.getStepExecution().getJobExecutionId());
                    return RepeatStatus.FINISHED;
                }, tm)
                .build();
    }

    /** Replaces the month's published rows in the step's one transaction. */
    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tm, Publisher publisher) {
        return new StepBuilder("publish", repository)
                .tasklet((contribution, context) -> {
                    var step = context.getStepContext();
                    publisher.publish((String) step.getJobParameters().get("month"),
                            step.getStepExecution().getJobExecutionId());
                    return RepeatStatus.FINISHED;
                }, tm)
                .build();
    }

    @Bean
    MonthlyWorkbook monthlyWorkbook(DataSource dataSource, PlatformTransactionManager tm, Judge judge,
                                    SlaProperties properties) {
        return new MonthlyWorkbook(dataSource, tm, judge.policy(), properties.complianceGoalPct(),
                properties.fetchSize());
    }

    /** Writes the month's workbook and Severity 4 CSV from what was just published. */
    @Bean
    Step workbook(JobRepository repository, PlatformTransactionManager tm, MonthlyWorkbook monthlyWorkbook,
                  SlaProperties properties) {
        return new StepBuilder("workbook", repository)
                .tasklet((contribution, context) -> {
                    var parameters = context.getStepContext().getJobParameters();
                    Object run = parameters.get("run");
                    monthlyWorkbook.write(properties.outputDir(), YearMonth.parse((String) parameters.get("month")),
                            run == null ? Instant.now() : Instant.parse((String) run));
                    return RepeatStatus.FINISHED;
                }, tm)
                .build();
    }
}
