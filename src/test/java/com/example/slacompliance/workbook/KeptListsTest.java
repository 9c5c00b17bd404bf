package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a run's kept lists may be used, and the orders they sort by (the job test compares them with PostgreSQL's). */
class KeptListsTest {

    /** A staged result row (the values in the order of StageWriter.RESULT_COLUMNS). */
    static Object[] staged(String ticket, String account, int severity, String ackStatus, String responseStatus) {
        Instant created = Instant.parse("2026-11-05T10:00:00Z");
        return new Object[] {ticket, "2026-11", (short) severity, "SME", account, "Acme", "Calling", "CHAT",
            "Subject", null, "default", 60L, 120L, 1800L, 7200L, created.plusSeconds(1800), created.plusSeconds(7200),
            ackStatus, responseStatus, "ACKNOWLEDGED", "RESPONDED", created, created.plusSeconds(60),
            created.plusSeconds(120), created.plusSeconds(3600), 7L};
    }

    static List<String> breaches(KeptLists.Lists lists) {
        List<String> ids = new ArrayList<>();
        lists.breaches(r -> ids.add(r.ticketId()));
        return ids;
    }

    @Test
    void aRunsListsAreUsedOnlyWhenTheyHoldEveryStagedJudgement() {
        KeptLists kept = new KeptLists();
        KeptLists.Running run = kept.of(7);
        run.add(List.of(staged("A", "ACC-1", 1, "BREACHED", "MET"), staged("B", "ACC-1", 2, "MET", "MET")), 1);

        assertThat(kept.take(7, 4)).isEmpty(); // a chunk of one was staged and not added
        assertThat(kept.take(7, 3)).isEmpty(); // taken (and forgotten) by the call before

        KeptLists.Running again = kept.of(8);
        again.add(List.of(staged("A", "ACC-1", 1, "BREACHED", "MET"), staged("B", "ACC-1", 2, "MET", "MET")), 1);
        try (KeptLists.Lists lists = kept.take(8, 3).orElseThrow()) {
            assertThat(breaches(lists)).containsExactly("A");
        }
    }

    @Test
    void aRunWithMoreRowsThanTheListsHoldReadsThemFromThePublishedMonth() {
        KeptLists kept = new KeptLists(2);
        KeptLists.Running run = kept.of(5);
        run.add(List.of(staged("A", "ACC-1", 1, "BREACHED", "MET"), staged("B", "ACC-1", 4, "MET", "MET")), 0);
        try (KeptLists.Lists lists = kept.take(5, 2).orElseThrow()) { // two rows: within the limit
            assertThat(breaches(lists)).containsExactly("A");
        }

        run = kept.of(6);
        run.add(List.of(staged("A", "ACC-1", 1, "BREACHED", "MET"), staged("B", "ACC-1", 4, "MET", "MET")), 0);
        run.add(List.of(staged("C", "ACC-1", 4, "MET", "MET"), staged("D", "ACC-1", 2, "MET", "MET")), 0);
        assertThat(kept.take(6, 4)).isEmpty(); // a third listed row
    }

    @Test
    void anotherRunDropsTheListsOfTheLastOne() {
        KeptLists kept = new KeptLists();
        KeptLists.Running first = kept.of(1);
        first.add(List.<Object[]>of(staged("A", "ACC-1", 1, "BREACHED", "MET")), 0);
        kept.of(2);
        first.add(List.<Object[]>of(staged("B", "ACC-1", 1, "BREACHED", "MET")), 0); // the first run, still going

        assertThat(kept.take(1, 2)).isEmpty();
    }

    @Test
    void theListsAreSortedAsTheirQueriesSortThem() {
        KeptLists kept = new KeptLists();
        KeptLists.Running run = kept.of(3);
        run.add(List.of(staged("T-9", "b", 4, "BREACHED", "MET"), staged("T-10", "B", 4, "MET", "BREACHED"),
                staged("T-1", null, 4, "MET", "MET"), staged("T-2", "a", 2, "BREACHED", "MET"),
                staged("MET", "a", 4, "BREACHED", "MET")), 0); // a ticket id that is also a status
        Optional<KeptLists.Lists> taken = kept.take(3, 5);
        try (KeptLists.Lists lists = taken.orElseThrow()) {
            // severity, then ticket in code points
            assertThat(breaches(lists)).containsExactly("T-2", "MET", "T-10", "T-9");
            List<String> severity4 = new ArrayList<>();
            lists.severity4(r -> severity4.add(r.accountId() + " " + r.ticketId()));
            assertThat(severity4).containsExactly("B T-10", "a MET", "b T-9", "null T-1"); // no account last
        }
    }

    @Test
    void textIsComparedByCodePoints() {
        String supplementary = "\uD835\uDC9C"; // U+1D49C, above U+FFFF
        String privateUse = "\uE000";
        assertThat(privateUse.compareTo(supplementary)).isPositive(); // UTF-16 puts it after
        assertThat(KeptLists.compareCodePoints(privateUse, supplementary)).isNegative();
        assertThat(KeptLists.compareCodePoints("a", "ab")).isNegative();
        assertThat(KeptLists.compareCodePoints("B", "a")).isNegative();
        assertThat(KeptLists.compareCodePoints("\u00e9", "z")).isPositive();
    }

    @Test
    void integrationsAreComparedWithoutSpacesAroundAndAsciiCase() {
        assertThat(KeptLists.integrationKey("  AcmeCRM ")).isEqualTo("acmecrm");
        assertThat(KeptLists.integrationKey("\tAcme")).isEqualTo("\tacme"); // PostgreSQL's trim() takes spaces only
        assertThat(KeptLists.integrationKey("\u00c4RGER")).isEqualTo("\u00c4rger"); // and lower() under "C", ASCII
        assertThat(KeptLists.integrationKey(null)).isNull();
    }
}
