package com.example.slacompliance.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.sla.Status;
import com.example.slacompliance.sla.Tier;
import com.example.slacompliance.summary.Summary.Figures;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void compliancePercentIsRoundedHalfUpToTwoDecimals() {
        assertThat(Summary.pct(29, 32)).isEqualByComparingTo("90.63"); // 90.625
        assertThat(Summary.pct(1, 3)).isEqualByComparingTo("33.33");
        assertThat(Summary.pct(2, 3)).isEqualByComparingTo("66.67");
        assertThat(Summary.pct(1, 8)).isEqualByComparingTo("12.50");
        assertThat(Summary.pct(1, 800)).isEqualByComparingTo("0.13"); // 0.125
        assertThat(Summary.pct(0, 5)).isEqualByComparingTo("0.00");
        assertThat(Summary.pct(5, 5)).isEqualByComparingTo("100.00");
        assertThat(Summary.pct(0, 0)).isNull();
    }

    @Test
    void percentilesInterpolateBetweenTheRanksAroundPTimesNMinusOne() {
        long[] values = {100, 200, 300, 400};
        assertThat(Summary.percentile(0.5, values)).isEqualTo(250.0);  // rank 1.5
        assertThat(Summary.percentile(0.9, values)).isEqualTo(370.0);  // rank 2.7: 300 + 0.7 x 100
        assertThat(Summary.percentile(0.9, new long[] {7})).isEqualTo(7.0);
        assertThat(Summary.percentile(0.5)).isNull();
        // rank 0.9 x 10 = 9: exactly the 10th value, no interpolation
        assertThat(Summary.percentile(0.9, new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})).isEqualTo(10.0);
        // rank 0.9 x 2 = 1.8 between 1 and 2: 1.8 (in double, 1 + 0.8 x 1 = 1.8000000000000000444): the millisecond
        assertThat(Summary.percentile(0.9, new long[] {0, 1, 2})).isEqualTo(1.8);
        // 0 + 0.9 x 79 is 71.10000000000001 in double precision, as PostgreSQL computes it: to the millisecond, 71.1
        assertThat(0 + 0.9 * 79).isEqualTo(71.10000000000001);
        assertThat(Summary.percentile(0.9, new long[] {0, 79})).isEqualTo(71.1);
    }

    @Test
    void percentilesOfSeveralSortedArraysAreThoseOfTheirUnion() {
        Random random = new Random(42);
        for (int trial = 0; trial < 400; trial++) {
            long[][] parts = new long[1 + random.nextInt(4)][];
            long[] range = trial % 3 == 0 ? new long[] {0, 5} // many equal values
                    : trial % 3 == 1 ? new long[] {0, 100_000} : new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
            for (int i = 0; i < parts.length; i++) {
                parts[i] = random.longs(random.nextInt(trial < 200 ? 20 : 2_000), range[0], range[1]).sorted().toArray();
            }
            long[] union = Arrays.stream(parts).flatMapToLong(Arrays::stream).sorted().toArray();
            for (double p : new double[] {0.5, 0.9}) {
                assertThat(Summary.percentile(p, parts)).isEqualTo(Summary.percentile(p, union));
            }
        }
    }

    @Test
    void groupsAddUpAndExemptTicketsAreClosedButNotEvaluated() {
        Summary summary = new Summary();
        summary.add(1, Tier.ENTERPRISE, Status.MET, Status.MET, 600, 3600);
        summary.add(1, Tier.ENTERPRISE, Status.BREACHED, Status.MET, 2400, 3600);
        summary.add(1, Tier.SME, Status.MET, Status.BREACHED, 100, 9000);
        summary.add(1, Tier.SME, Status.EXEMPT, Status.EXEMPT, 99_999, 99_999);
        summary.add(4, Tier.SMB, Status.MET, Status.MET, 300, 500);

        Figures ent = summary.figures(1, Tier.ENTERPRISE);
        assertThat(ent.closed()).isEqualTo(2);
        assertThat(ent.evaluated()).isEqualTo(2);
        assertThat(ent.ackMet()).isEqualTo(1);
        assertThat(ent.ackBreached()).isEqualTo(1);
        assertThat(ent.withBreach()).isEqualTo(1);
        assertThat(ent.ackPct()).isEqualByComparingTo("50.00");
        assertThat(ent.ackP50()).isEqualTo(1500.0);

        Figures severity1 = summary.figures(1, null);
        assertThat(severity1.closed()).isEqualTo(4);
        assertThat(severity1.evaluated()).isEqualTo(3);
        assertThat(severity1.withBreach()).isEqualTo(2);
        assertThat(severity1.responseBreached()).isEqualTo(1);
        assertThat(severity1.ackP50()).isEqualTo(600.0); // 100, 600, 2400: the exempt 99,999 is left out
        assertThat(severity1.responsePct()).isEqualByComparingTo("66.67");

        Figures sme = summary.figures(null, Tier.SME);
        assertThat(sme.closed()).isEqualTo(2);
        assertThat(sme.evaluated()).isEqualTo(1);

        Figures all = summary.figures(null, null);
        assertThat(all.closed()).isEqualTo(5);
        assertThat(all.evaluated()).isEqualTo(4);
        assertThat(all.ackP50()).isEqualTo(450.0); // 100, 300, 600, 2400

        Figures none = summary.figures(2, Tier.SMB);
        assertThat(none.closed()).isZero();
        assertThat(none.ackPct()).isNull();
        assertThat(none.ackP90()).isNull();
    }
}
