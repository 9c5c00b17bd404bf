package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cached offset is the zone's own at every instant, in any order, at and around its transitions. */
class ZoneOffsetsTest {

    private final Random random = new Random(11);

    @Test
    void givesTheZonesOffsetAtEveryInstantWhateverTheOrderOfTheLookUps() {
        for (String id : new String[] {"Asia/Kolkata", "Europe/London", "America/New_York", "Australia/Lord_Howe",
            "Pacific/Apia", "America/Sao_Paulo", "UTC"}) {
            ZoneId zone = ZoneId.of(id);
            ZoneRules rules = zone.getRules();
            List<Long> seconds = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) { // anywhere from 1850 to 2150, most of them near now
                seconds.add(i % 2 == 0 ? -3_755_000_000L + (long) (random.nextDouble() * 9_500_000_000L)
                        : 1_700_000_000L + random.nextInt(200_000_000));
            }
            ZoneOffsetTransition t = rules.nextTransition(Instant.parse("1900-01-01T00:00:00Z"));
            for (int i = 0; t != null && i < 400; i++, t = rules.nextTransition(t.getInstant())) {
                long at = t.toEpochSecond(); // the transitions themselves and their neighbours
                seconds.addAll(List.of(at - 1, at, at + 1));
            }
            seconds.addAll(List.of(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond(), 0L));
            java.util.Collections.shuffle(seconds, random);

            ZoneOffsets offsets = new ZoneOffsets(zone);
            for (long second : seconds) {
                for (long s : new long[] {second, second + 1, second - 1}) { // a look-up beside the last one
                    if (s < Instant.MIN.getEpochSecond() || s > Instant.MAX.getEpochSecond()) {
                        continue;
                    }
                    ZoneOffset expected = rules.getOffset(Instant.ofEpochSecond(s));
                    assertThat(offsets.at(s)).as("%s at %s", id, Instant.ofEpochSecond(s)).isEqualTo(expected);
                }
            }
        }
    }
}
