package com.example.slacompliance.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.evaluate.StageWriter;
import com.example.slacompliance.publish.Publisher;
import com.example.slacompliance.sla.Judge;
import com.example.slacompliance.sla.Judgement;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.Ticket;
import com.example.slacompliance.sla.Verdict;
import com.example.slacompliance.testing.PostgresDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The summary kept while a run's verdicts are staged is the summary of the staged rows, and it is used
 * only when it holds every staged judgement once; otherwise the staged rows are read back.
 */
class SummaryCalculatorTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final String PERIOD = "2026-10";
    static final long RUN = 7;
    static final int CHUNK = 50;

    JdbcTemplate jdbc;
    List<Judgement> judgements;

    @BeforeEach
    void aRunsStagingPartition() {
        PostgresDatabase db = PostgresDatabase.fresh("summary_calculator").withJobTables();
        jdbc = db.jdbc();
        new Publisher(new NamedParameterJdbcTemplate(jdbc), true).prepare(PERIOD, RUN);
        judgements = judged(400);
    }

    /** Mixed tiers, severities and delays, some third-party, a few bad rows. */
    static List<Judgement> judged(int n) {
        Judge judge = new Judge(Policy.defaultPolicy(KOLKATA));
        Random random = new Random(42);
        String[] tiers = {"ENTERPRISE", "SME", "SMB", "GOLD"};
        List<Judgement> judged = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant created = LocalDateTime.parse("2026-10-03T00:00").atZone(KOLKATA).toInstant()
                    .plusSeconds(random.nextInt(20 * 86_400));
            Instant ack = created.plusSeconds(random.nextInt(3_600));
            Instant response = ack.plusSeconds(random.nextInt(30_000));
            String tier = tiers[i % 50 == 0 ? 3 : random.nextInt(3)];
            judged.add(judge.judge(new Ticket("T" + i, "A" + random.nextInt(20), "Account", tier,
                    1 + random.nextInt(4), "category", "email", random.nextInt(30) == 0 ? "AcmeCRM" : null,
                    "subject", created, ack, response, response.plusSeconds(3_600))));
        }
        return judged;
    }

    /** Stages the judgements in chunks, adding each chunk to {@code summary}. */
    void stage(List<Judgement> staged, RunningSummaries.Running summary) {
        StageWriter writer = new StageWriter(jdbc, PERIOD, RUN, true, summary, null);
        for (int from = 0; from < staged.size(); from += CHUNK) {
            writer.write(new Chunk<>(staged.subList(from, Math.min(staged.size(), from + CHUNK))));
        }
    }

    /** The staged summary and total rows, each as one line. */
    List<String> stagedFigures() {
        List<String> rows = new ArrayList<>(jdbc.queryForList("SELECT s::text FROM sla_compliance_summary_stage s"
                + " ORDER BY severity, customer_tier", String.class));
        rows.addAll(jdbc.queryForList("SELECT t::text FROM sla_compliance_total_stage t ORDER BY customer_tier",
                String.class));
        jdbc.update("DELETE FROM sla_compliance_summary_stage");
        jdbc.update("DELETE FROM sla_compliance_total_stage");
        return rows;
    }

    List<String> summarized(RunningSummaries running, long staged) {
        new SummaryCalculator(jdbc, 100, running).summarize(PERIOD, RUN, staged);
        return stagedFigures();
    }

    @Test
    void theSummaryKeptWhileStagingIsTheSummaryOfTheStagedRows() {
        RunningSummaries running = new RunningSummaries();
        stage(judgements, running.of(RUN));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_rejected_ticket_stage", Integer.class)).isEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_ticket_result_stage WHERE ack_status = 'EXEMPT'",
                Integer.class)).isPositive();
        List<String> readBack = summarized(new RunningSummaries(), judgements.size());

        jdbc.update("TRUNCATE sla_ticket_result_stage"); // the kept summary needs none of the staged rows
        List<String> kept = summarized(running, judgements.size());

        assertThat(kept).hasSize(20).isEqualTo(readBack);
    }

    @Test
    void aSummaryMissingAStagedChunkIsNotUsed() {
        RunningSummaries running = new RunningSummaries();
        stage(judgements.subList(0, 300), running.of(RUN));
        stage(judgements.subList(300, judgements.size()), new RunningSummaries().of(RUN)); // added elsewhere
        List<String> incomplete = summarized(running, judgements.size());

        assertThat(incomplete).isEqualTo(summarized(new RunningSummaries(), judgements.size()));
        assertThat(incomplete).isNotEqualTo(summaryOf(judgements.subList(0, 300)));
    }

    @Test
    void aSummaryHoldingAChunkThatWasNotStagedIsNotUsed() {
        RunningSummaries running = new RunningSummaries();
        stage(judgements.subList(0, 300), running.of(RUN));
        List<Judgement> rolledBack = judgements.subList(300, judgements.size());
        running.of(RUN).add(rolledBack.stream().filter(Verdict.class::isInstance).map(Verdict.class::cast).toList(), 0);

        List<String> figures = summarized(running, 300);

        assertThat(figures).isEqualTo(summarized(new RunningSummaries(), 300));
        assertThat(figures).isNotEqualTo(summaryOf(judgements));
    }

    /** The figures of some judgements alone, staged for another run and summarized from memory. */
    List<String> summaryOf(List<Judgement> some) {
        jdbc.update("DROP TABLE sla_ticket_result_stage_" + RUN);
        jdbc.update("DELETE FROM sla_rejected_ticket_stage");
        new Publisher(new NamedParameterJdbcTemplate(jdbc), true).prepare(PERIOD, RUN);
        RunningSummaries running = new RunningSummaries();
        stage(some, running.of(RUN));
        return summarized(running, some.size());
    }
}
