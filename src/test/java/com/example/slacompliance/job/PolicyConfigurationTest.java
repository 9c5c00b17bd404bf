package com.example.slacompliance.job;

import static com.example.slacompliance.testing.Tickets.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.SlaComplianceApplication;
import com.example.slacompliance.testing.PostgresDatabase;
import com.example.slacompliance.testing.Tickets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The policy is configuration: examples/policy.yml, read at start, changes verdicts without a rebuild. */
class PolicyConfigurationTest {


    @TempDir
    Path work;

    @Test
    void versionsHolidaysAndIntegrationTargetsComeFromThePolicyFile() {
        PostgresDatabase db = PostgresDatabase.fresh(getClass().getSimpleName()).withTicketsTable();
        JdbcTemplate jdbc = db.jdbc();
        Tickets tickets = new Tickets(jdbc);
        // policy-2019: sev 2 response 5 h. Created 10:00, responded 14:30: 4.5 h, met.
        tickets.insert("OLD", "SME", 2, at("2026-12-31T10:00"), at("2026-12-31T10:10"), at("2026-12-31T14:30"),
                at("2027-01-26T09:00"));
        // policy-2027: sev 2 response 4 h, so the same 4.5 h is breached
        tickets.insert("NEW", "SME", 2, at("2027-01-05T10:00"), at("2027-01-05T10:10"), at("2027-01-05T14:30"),
                at("2027-01-26T09:00"));
        // 2027-01-26 is a holiday of policy-2027: an SME ticket raised that day waits until the 27th, 08:00
        tickets.insert("HOLIDAY", "SME", 3, at("2027-01-26T09:00"), at("2027-01-27T08:20"), null,
                at("2027-01-27T12:00"));
        // AcmeCRM has its own targets (sev 1 ack 1 h): judged, not exempt; an unknown integration is exempt
        tickets.insert("ACME", "ENTERPRISE", 1, " acmecrm ", at("2027-01-10T10:00"), at("2027-01-10T10:50"), null,
                at("2027-01-10T16:00"));
        tickets.insert("OTHER", "ENTERPRISE", 1, "PayFlow", at("2027-01-10T10:00"), at("2027-01-10T10:50"), null,
                at("2027-01-10T16:00"));

        int code = SlaComplianceApplication.run(db.args(work, "--month=2027-01",
                "--spring.config.import=file:" + Path.of("examples/policy.yml").toAbsolutePath()).toArray(String[]::new));
        assertThat(code).isZero();

        assertThat(row(jdbc, "OLD")).containsEntry("policy_version", "policy-2019")
                .containsEntry("response_status", "MET").containsEntry("response_target_seconds", 5 * 3600L);
        assertThat(row(jdbc, "NEW")).containsEntry("policy_version", "policy-2027")
                .containsEntry("response_status", "BREACHED").containsEntry("response_target_seconds", 4 * 3600L);
        assertThat(row(jdbc, "HOLIDAY")).containsEntry("ack_seconds", 20 * 60L).containsEntry("ack_status", "MET");
        assertThat(row(jdbc, "ACME")).containsEntry("policy_version", "acmecrm-sla-2026")
                .containsEntry("ack_status", "MET").containsEntry("ack_target_seconds", 3600L);
        assertThat(row(jdbc, "OTHER")).containsEntry("ack_status", "EXEMPT").containsEntry("response_status", "EXEMPT")
                .containsEntry("policy_version", "policy-2027");
    }

    static Map<String, Object> row(JdbcTemplate jdbc, String id) {
        return jdbc.queryForMap("SELECT * FROM sla_ticket_result WHERE ticket_id = ?", id);
    }
}
