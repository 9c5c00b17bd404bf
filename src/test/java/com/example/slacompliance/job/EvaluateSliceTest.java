package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.slacompliance.sla.Judge;
import com.example.slacompliance.sla.Judgement;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.Rejection;
import com.example.slacompliance.sla.Ticket;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** A slice is evaluated a chunk per call: every ticket judged and staged once, in order, and counted. */
class EvaluateSliceTest {

    static final Instant CREATED = Instant.parse("2026-10-05T06:00:00Z");
    final Judge judge = new Judge(Policy.defaultPolicy(ZoneId.of("Asia/Kolkata")));

    static Ticket ticket(int i) {
        Integer severity = i % 7 == 3 ? 9 : 1 + i % 4; // every seventh, from the fourth, rejected
        return new Ticket("T-" + i, "A-1", "Acme", "Enterprise", severity, "cat", "EMAIL", null, "subject", CREATED,
                CREATED.plusSeconds(60 + i), CREATED.plusSeconds(600 + i), CREATED.plusSeconds(3600 + i));
    }

    @ParameterizedTest(name = "{0} tickets in chunks of {1}")
    @CsvSource({"0, 4", "3, 4", "4, 4", "9, 4", "12, 4", "1, 1"})
    void eachTicketIsJudgedStagedAndCountedOnceInChunksOfAtMostTheChunkSize(int tickets, int chunkSize)
            throws Exception {
        Iterator<Ticket> source = IntStream.range(0, tickets).mapToObj(EvaluateSliceTest::ticket).iterator();
        List<List<Judgement>> staged = new ArrayList<>();
        EvaluateSlice slice = new EvaluateSlice(() -> source.hasNext() ? source.next() : null, judge,
                chunk -> staged.add(List.copyOf(chunk.getItems())), chunkSize);
        StepExecution step = new StepExecution("evaluateSlice:slice0",
                new JobExecution(1L, new JobInstance(1L, "slaCompliance"), new JobParameters()));
        List<StepContribution> calls = new ArrayList<>();

        RepeatStatus status;
        do {
            StepContribution contribution = new StepContribution(step);
            status = slice.execute(contribution, null);
            calls.add(contribution);
        } while (status == RepeatStatus.CONTINUABLE && calls.size() <= tickets + 1);

        assertThat(staged).allSatisfy(chunk -> assertThat(chunk).hasSizeBetween(1, chunkSize));
        assertThat(staged.stream().flatMap(List::stream).map(EvaluateSliceTest::ticketId))
                .containsExactlyElementsOf(IntStream.range(0, tickets).mapToObj(i -> "T-" + i).toList());
        assertThat(staged.stream().flatMap(List::stream).filter(j -> j instanceof Rejection))
                .hasSize((int) IntStream.range(0, tickets).filter(i -> i % 7 == 3).count());
        assertThat(calls.stream().mapToLong(StepContribution::getReadCount).sum()).isEqualTo(tickets);
        assertThat(calls.stream().mapToLong(StepContribution::getWriteCount).sum()).isEqualTo(tickets);
        assertThat(calls).hasSize(tickets / chunkSize + 1); // the last call finds the slice read to its end
    }

    @Test
    void aChunkHoldsAtLeastOneTicket() {
        assertThatThrownBy(() -> new EvaluateSlice(() -> null, judge, chunk -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String ticketId(Judgement j) {
        return j.ticket().ticketId();
    }
}
