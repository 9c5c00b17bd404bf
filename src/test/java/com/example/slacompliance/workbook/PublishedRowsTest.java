package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.testing.PostgresDatabase;
import com.example.slacompliance.testing.Tickets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workbook's long lists on PostgreSQL, each read on a connection of its own one list ahead: they
 * see the reading transaction's snapshot, as if read on its connection, and leave no connection open.
 */
class PublishedRowsTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path output;

    PostgresDatabase db;
    JdbcTemplate other; // another session, outside the reading transaction
    DataSource dataSource;

    @BeforeEach
    void publishNovember() {
        db = PostgresDatabase.fresh("wb_published_rows").withTicketsTable();
        other = db.jdbc();
        Tickets tickets = new Tickets(other);
        for (int i = 0; i < 40; i++) {
            Instant created = LocalDateTime.parse("2026-11-05T10:00").atZone(KOLKATA).toInstant().plusSeconds(600L * i);
            tickets.insert("T" + i, i % 2 == 0 ? "ENTERPRISE" : "SME", 1 + i % 4, i % 10 == 0 ? "AcmeCRM" : null,
                    created, created.plusSeconds(i % 3 == 0 ? 2400 : 300), created.plusSeconds(3600),
                    created.plusSeconds(7200));
        }
        tickets.insert("BAD", "GOLD", 2, LocalDateTime.parse("2026-11-05T10:00").atZone(KOLKATA).toInstant(), null,
                null, LocalDateTime.parse("2026-11-05T12:00").atZone(KOLKATA).toInstant());
        assertThat(SlaComplianceApplication.run(db.args(output, "--month=2026-11").toArray(String[]::new))).isZero();
        dataSource = db.dataSource();
    }

    @Test
    void theListsSeeTheReadingTransactionsSnapshotNotWhatWasPublishedSince() {
        List<String> breaches = ids("SELECT ticket_id FROM sla_ticket_result WHERE period = '2026-11'"
                + " AND (ack_status = 'BREACHED' OR response_status = 'BREACHED')");
        List<String> severity4 = ids("SELECT ticket_id FROM sla_ticket_result WHERE period = '2026-11' AND severity = 4");
        List<String> exempt = ids("SELECT ticket_id FROM sla_ticket_result WHERE period = '2026-11'"
                + " AND ack_status = 'EXEMPT'");
        assertThat(breaches).isNotEmpty();
        assertThat(severity4).isNotEmpty();
        assertThat(exempt).isNotEmpty();
        assertThat(ids("SELECT ticket_id FROM sla_rejected_ticket WHERE period = '2026-11'")).containsExactly("BAD");

        List<String> read = new ArrayList<>();
        readOnlySnapshot().executeWithoutResult(tx -> {
            PublishedRows rows = new PublishedRows(dataSource, 5);
            try (PublishedRows.Lists lists = rows.lists(NOVEMBER)) {
                // another run empties the month after the reading began, and commits
                other.update("DELETE FROM sla_ticket_result WHERE period = '2026-11'");
                other.update("DELETE FROM sla_rejected_ticket WHERE period = '2026-11'");

                lists.breaches(r -> read.add("breach " + r.ticketId()));
                lists.severity4(r -> read.add("severity4 " + r.ticketId()));
                lists.exempt(r -> read.add("exempt " + r.ticketId()));
                rows.published(NOVEMBER).rejected().accept(r -> read.add("rejected " + r.ticketId()));
            }
        });

        List<String> expected = new ArrayList<>();
        breaches.forEach(id -> expected.add("breach " + id));
        severity4.forEach(id -> expected.add("severity4 " + id));
        exempt.forEach(id -> expected.add("exempt " + id));
        expected.add("rejected BAD");
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(otherSessions()).isZero();
    }

    @Test
    void aListThatFailsLeavesNoConnectionOpen() throws Exception {
        List<String> read = new ArrayList<>();
        try {
            readOnlySnapshot().executeWithoutResult(tx -> {
                try (PublishedRows.Lists lists = new PublishedRows(dataSource, 5).lists(NOVEMBER)) {
                    other.execute("DROP VIEW sla_severity4_request"); // the Severity 4 list reads it
                    lists.breaches(r -> read.add(r.ticketId()));
                    assertThatThrownBy(() -> lists.severity4(r -> read.add(r.ticketId())))
                            .isInstanceOf(DataAccessException.class).hasMessageContaining("sla_severity4_request");
                }
            });
        } finally {
            other.execute(Files.readString(Path.of("sql/migration/postgresql/V3__severity4_request.sql")));
        }
        assertThat(read).isNotEmpty();
        assertThat(otherSessions()).isZero();
    }

    private TransactionTemplate readOnlySnapshot() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setReadOnly(true);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return tx;
    }

    private List<String> ids(String sql) {
        return other.queryForList(sql, String.class);
    }

    /** Sessions on the test's database other than the one asking. */
    private int otherSessions() {
        return other.queryForObject("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()", Integer.class);
    }
}
