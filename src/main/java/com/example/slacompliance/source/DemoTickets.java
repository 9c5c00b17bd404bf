package com.example.slacompliance.source;

import com.example.slacompliance.sla.OfficeHoursCalendar;
import com.example.slacompliance.sla.ReportingPeriod;
import com.example.slacompliance.sla.SupportCalendar;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A realistic month of tickets for {@code --demo}: every tier and severity, after-hours tickets, late
 * answers, a few third-party tickets and a few bad rows. The same tickets every time for a month.
 */
public final class DemoTickets {

    public static final int COUNT = 3000;
    static final String[] TIERS = {"ENTERPRISE", "SME", "SMB", " sme ", "Enterprise"};
    static final String[] CATEGORIES = {"Calling", "Server", "Dashboard", "Reconciliation"};
    static final String[][] SUBJECTS = {
        {"Outbound calls failing", "Operator down since morning", "IVR returns application error"},
        {"Call connect delayed by 20 s", "Server slow to respond", "Webhook responses late"},
        {"Report column misaligned", "Typo in dashboard", "Export button greyed out"},
        {"Monthly reconciliation of call charges", "Need call logs for audit", "Invoice does not match usage"}};

    private DemoTickets() {
    }

    /** Creates the embedded source table if absent and replaces the demo tickets with those of {@code period}. */
    public static int fill(JdbcTemplate jdbc, ReportingPeriod period) {
        new ResourceDatabasePopulator(new ClassPathResource("sql/tickets-h2.sql")).execute(jdbc.getDataSource());
        jdbc.update("DELETE FROM tickets WHERE ticket_id LIKE 'DEMO-%'");
        List<Object[]> rows = generate(period);
        int[] types = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.SMALLINT, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
        jdbc.batchUpdate("""
                INSERT INTO tickets (ticket_id, account_id, account_name, customer_tier, severity, category, channel,
                    integration, subject, created_at, acknowledged_at, first_response_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, types);
        return rows.size();
    }

    /** The rows of {@link #fill}, in the source table's column order. */
    public static List<Object[]> generate(ReportingPeriod period) {
        SplittableRandom random = new SplittableRandom(20_261_029L);
        SupportCalendar officeHours = OfficeHoursCalendar.fourteenBySeven(period.zone(), Set.of());
        long from = period.start().getEpochSecond() - 3 * 86_400L;
        long to = period.end().getEpochSecond();
        long[] responseTargets = {7_200, 18_000, 86_400, 86_400};
        List<Object[]> rows = new ArrayList<>(COUNT);
        for (int n = 1; rows.size() < COUNT; n++) {
            String tier = TIERS[random.nextInt(TIERS.length)];
            SupportCalendar calendar = tier.trim().equalsIgnoreCase("ENTERPRISE") ? SupportCalendar.ALWAYS_OPEN : officeHours;
            int roll = random.nextInt(100);
            int severity = roll < 10 ? 1 : roll < 35 ? 2 : roll < 75 ? 3 : 4;
            long created = random.nextLong(from, to);
            // answers come after some support time: mostly within target, sometimes late
            long ackDelay = random.nextInt(100) < 9 ? random.nextLong(1_801, 7_200) : random.nextLong(60, 1_700);
            long responseDelay = (long) (responseTargets[severity - 1] * random.nextDouble(0.05, 1.12));
            long ack = calendar.due(created, ackDelay);
            long response = calendar.due(created, Math.max(ackDelay, responseDelay));
            long closed = response + random.nextLong(600, 4 * 86_400L);
            if (closed < period.start().getEpochSecond() || closed >= to) {
                continue;
            }
            Long ackAt = random.nextInt(100) < 8 ? null : ack;      // some desks answer without acknowledging
            Long responseAt = random.nextInt(100) < 3 ? null : response;
            String integration = random.nextInt(100) < 4 ? (random.nextBoolean() ? "AcmeCRM" : "PayFlow") : null;
            Integer sev = severity;
            Long createdAt = created;
            int bad = random.nextInt(1000);
            if (bad < 3) {
                sev = 7;
            } else if (bad < 5) {
                tier = "GOLD";
            } else if (bad < 6) {
                createdAt = null;
            } else if (bad < 8) {
                ackAt = created - 600;
            }
            int account = random.nextInt(40) + 1;
            String[] subjects = SUBJECTS[severity - 1];
            rows.add(new Object[] {
                String.format("DEMO-%s-%05d", period.label(), n),
                String.format("ACC-%03d", account),
                "Customer " + account,
                tier,
                sev,
                CATEGORIES[severity - 1],
                random.nextBoolean() ? "CHAT" : "WHATSAPP",
                integration,
                subjects[random.nextInt(subjects.length)],
                at(createdAt), at(ackAt), at(responseAt), at(closed)});
        }
        return rows;
    }

    private static OffsetDateTime at(Long epochSecond) {
        return epochSecond == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
