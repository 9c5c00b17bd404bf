package com.example.slacompliance.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.publish.Publisher;
import com.example.slacompliance.sla.Judge;
import com.example.slacompliance.sla.Judgement;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.Ticket;
import com.example.slacompliance.summary.RunningSummaries;
import com.example.slacompliance.testing.PostgresDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A staged chunk on PostgreSQL commits asynchronously, in its own transaction only: the connection,
 * which the pool gives next to the publish step or to Spring Batch, commits synchronously again after it.
 */
class StageWriterTest {

    static final String PERIOD = "2026-10";
    static final long RUN = 11;

    SingleConnectionDataSource connection;
    JdbcTemplate jdbc;
    TransactionTemplate transaction;

    @BeforeEach
    void aRunsStagingPartition() {
        PostgresDatabase db = PostgresDatabase.fresh("stage_writer").withJobTables();
        new Publisher(new NamedParameterJdbcTemplate(db.jdbc()), true).prepare(PERIOD, RUN);
        connection = new SingleConnectionDataSource(db.url(), "postgres", "", true); // one session throughout
        jdbc = new JdbcTemplate(connection);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(connection));
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    static List<Judgement> chunk() {
        Judge judge = new Judge(Policy.defaultPolicy(ZoneId.of("Asia/Kolkata")));
        Instant created = Instant.parse("2026-10-05T06:00:00Z");
        return List.of(
                judge.judge(new Ticket("T1", "A1", "Acme", "ENTERPRISE", 1, "outage", "phone", null, "down",
                        created, created.plusSeconds(600), created.plusSeconds(3_000), created.plusSeconds(9_000))),
                judge.judge(new Ticket("T2", "A1", "Acme", "GOLD", 2, "billing", "email", null, "invoice",
                        created, null, null, created.plusSeconds(9_000))));
    }

    String synchronousCommit() {
        return jdbc.queryForObject("SELECT current_setting('synchronous_commit')", String.class);
    }

    @Test
    void aStagedChunkCommitsAsynchronouslyAndTheSessionSynchronouslyAfterIt() {
        assertThat(synchronousCommit()).isEqualTo("on"); // the server's default, as the test's control
        StageWriter writer = new StageWriter(jdbc, PERIOD, RUN, true, new RunningSummaries().of(RUN), null);

        String during = transaction.execute(tx -> {
            writer.write(new Chunk<>(chunk()));
            return synchronousCommit();
        });

        assertThat(during).isEqualTo("off");
        assertThat(synchronousCommit()).isEqualTo("on");
        assertThat(jdbc.queryForList("SELECT ticket_id FROM sla_ticket_result_stage", String.class))
                .containsExactly("T1");
        assertThat(jdbc.queryForList("SELECT ticket_id FROM sla_rejected_ticket_stage", String.class))
                .containsExactly("T2");
    }

    @Test
    void aChunkRolledBackLeavesNeitherRowsNorTheSetting() {
        StageWriter writer = new StageWriter(jdbc, PERIOD, RUN, true, new RunningSummaries().of(RUN), null);

        transaction.executeWithoutResult(tx -> {
            writer.write(new Chunk<>(chunk()));
            tx.setRollbackOnly();
        });

        assertThat(synchronousCommit()).isEqualTo("on");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_ticket_result_stage", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_rejected_ticket_stage", Long.class)).isZero();
    }
}
