package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newcomer's command on a machine with no database: the packaged jar, the embedded default, --demo. */
class EmbeddedDemoIT {

    @TempDir
    Path work;

    @Test
    void demoRunsOnTheEmbeddedDefaultAndASecondProcessOnTheSameFileExitsFour() throws Exception {
        // two processes at once on the same embedded file: whichever opens it first runs, the other exits 4
        List<String> demo = List.of("--demo", "--month=2026-10", "--sla.chunk-size=10");
        JarProcess one = JarProcess.start(work, demo);
        JarProcess other = JarProcess.start(work, demo);
        int oneCode = one.exitCode();
        int otherCode = other.exitCode();

        assertThat(List.of(oneCode, otherCode)).as(one.output() + "\n----\n" + other.output())
                .containsExactlyInAnyOrder(ExitCode.SUCCESS, ExitCode.BUSY);
        JarProcess ran = oneCode == ExitCode.SUCCESS ? one : other;
        JarProcess refused = ran == one ? other : one;
        assertThat(ran.output()).contains("sla-compliance 2026-10: COMPLETED", "3000 read");
        assertThat(refused.output()).contains("another sla-compliance run").doesNotContain("\tat ");
        assertThat(work.resolve("reports/2026-10/run-summary.json")).exists();
        assertThat(Files.readString(work.resolve("reports/2026-10/run-summary.json"))).contains("\"exit_code\": 0");

        // the same tickets every time: a second demo run publishes the same figures
        String summary = Files.readString(work.resolve("reports/2026-10/run-summary.json"))
                .replaceAll("\"(as_of|duration_seconds)\": [^,]*,", "");
        assertThat(JarProcess.run(work, List.of("--demo", "--month=2026-10"))).isEqualTo(0);
        assertThat(Files.readString(work.resolve("reports/2026-10/run-summary.json"))
                .replaceAll("\"(as_of|duration_seconds)\": [^,]*,", "")).isEqualTo(summary);
    }
}
