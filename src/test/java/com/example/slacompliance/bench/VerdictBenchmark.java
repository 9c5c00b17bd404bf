package com.example.slacompliance.bench;

import com.example.slacompliance.sla.IntegrationTargets;
import com.example.slacompliance.sla.Judge;
import com.example.slacompliance.sla.Judgement;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.PolicyVersion;
import com.example.slacompliance.sla.Targets;
import com.example.slacompliance.sla.Ticket;
import com.example.slacompliance.sla.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of {@link Judge#judge} on one thread: a realistic mix of closed tickets, and SME tickets
 * open for about three years. Run with {@code bench/engine-bench.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class VerdictBenchmark {

    static final int SIZE = 4096; // a power of two
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    static final long MIN = 60;
    static final long HOUR = 3600;
    static final long DAY = 86_400;

    Judge judge;
    Ticket[] mix;
    Ticket[] multiYear;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        judge = new Judge(policy());
        SplittableRandom random = new SplittableRandom(20261102);
        mix = new Ticket[SIZE];
        multiYear = new Ticket[SIZE];
        for (int i = 0; i < SIZE; i++) {
            mix[i] = mixTicket(i, random);
            multiYear[i] = multiYearTicket(i, random);
        }
        // make sure every ticket is judged, not rejected: a benchmark of rejections would measure nothing
        for (Ticket t : mix) {
            check(t);
        }
        for (Ticket t : multiYear) {
            check(t);
        }
    }

    private void check(Ticket t) {
        if (!(judge.judge(t) instanceof Verdict)) {
            throw new IllegalStateException("not judged: " + t);
        }
    }

    /** The published policy, a 2026 revision with a dozen holidays a year, and one integration with targets. */
    static Policy policy() {
        Set<LocalDate> holidays = new HashSet<>();
        for (int year = 2023; year <= 2027; year++) {
            for (int[] md : new int[][] {{1, 26}, {3, 14}, {4, 14}, {5, 1}, {8, 15}, {10, 2}, {10, 20}, {11, 8},
                    {11, 9}, {12, 25}, {12, 31}, {1, 1}}) {
                holidays.add(LocalDate.of(year, md[0], md[1]));
            }
        }
        Duration half = Duration.ofMinutes(30);
        PolicyVersion revised = new PolicyVersion("2026", LocalDate.of(2026, 1, 1),
                Targets.of(List.of(half, half, half, half),
                        List.of(Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(24))),
                holidays);
        IntegrationTargets gateway = new IntegrationTargets("Payments Gateway", "gw-1", LocalDate.of(2025, 6, 1),
                Targets.of(List.of(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)),
                        List.of(Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(48))));
        return new Policy(ZONE, List.of(PolicyVersion.defaultVersion(), revised), List.of(gateway));
    }

    static final String[] TIERS = {"ENTERPRISE", "SME", "SMB"};

    /**
     * Tiers a third each; severities 10/25/40/25 %; created in 2025-2026, four in five during desk hours;
     * acknowledged within the hour mostly, some within the day, a few days later; 5 % integrations.
     */
    static Ticket mixTicket(int i, SplittableRandom r) {
        String tier = TIERS[r.nextInt(3)];
        int p = r.nextInt(100);
        int severity = p < 10 ? 1 : p < 35 ? 2 : p < 75 ? 3 : 4;
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(730));
        long secondOfDay = r.nextInt(100) < 80 ? 8 * HOUR + r.nextLong(14 * HOUR) // desk hours
                : (r.nextBoolean() ? r.nextLong(8 * HOUR) : 22 * HOUR + r.nextLong(2 * HOUR)); // after hours
        long created = day.atStartOfDay(ZONE).toEpochSecond() + secondOfDay;
        long ack = created + delay(r);
        long response = ack + delay(r);
        long closed = response + r.nextLong(HOUR, 5 * DAY);
        String integration = null;
        int q = r.nextInt(100);
        if (q < 3) {
            integration = "Payments Gateway";
        } else if (q < 5) {
            integration = "Legacy CRM"; // no targets: exempt
        }
        boolean noAck = r.nextInt(10) == 0;
        boolean noResponse = r.nextInt(20) == 0;
        return new Ticket("M-" + i, "A-" + r.nextInt(200), "Account", tier, severity, "cat", "EMAIL", integration,
                "subject", Instant.ofEpochSecond(created), noAck ? null : Instant.ofEpochSecond(ack),
                noResponse ? null : Instant.ofEpochSecond(response), Instant.ofEpochSecond(closed));
    }

    /** 70 % within the hour, 20 % within 8 h, 7 % within two days, 3 % two to ten days. */
    static long delay(SplittableRandom r) {
        int p = r.nextInt(100);
        if (p < 70) {
            return r.nextLong(MIN, HOUR);
        } else if (p < 90) {
            return r.nextLong(HOUR, 8 * HOUR);
        } else if (p < 97) {
            return r.nextLong(8 * HOUR, 2 * DAY);
        }
        return r.nextLong(2 * DAY, 10 * DAY);
    }

    /** SME, created during 2023, acknowledged and answered at any time, closed about three years later. */
    static Ticket multiYearTicket(int i, SplittableRandom r) {
        long created = LocalDate.of(2023, 1, 1).atStartOfDay(ZONE).toEpochSecond() + r.nextLong(365 * DAY);
        long closed = created + 3 * 365 * DAY + r.nextLong(-30 * DAY, 30 * DAY);
        long ack = created + r.nextLong(closed - created);
        long response = ack + r.nextLong(closed - ack);
        return new Ticket("Y-" + i, "A-" + r.nextInt(200), "Account", "SME", 1 + r.nextInt(4), "cat", "EMAIL", null,
                "subject", Instant.ofEpochSecond(created), Instant.ofEpochSecond(ack), Instant.ofEpochSecond(response),
                Instant.ofEpochSecond(closed));
    }

    @Benchmark
    public Judgement mix() {
        Ticket t = mix[next];
        next = (next + 1) & (SIZE - 1);
        return judge.judge(t);
    }

    @Benchmark
    public Judgement multiYear() {
        Ticket t = multiYear[next];
        next = (next + 1) & (SIZE - 1);
        return judge.judge(t);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(VerdictBenchmark.class.getSimpleName()).build()).run();
    }
}
