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
        // one ticket per chunk: the first run holds the embedded file long enough for the second to try
        JarProcess first = JarProcess.start(work, List.of("--demo", "--month=2026-10", "--sla.chunk-size=1"));
        first.await("the first run to have filled the demo month", () -> first.output().contains("demo: 3000"));
        JarProcess second = JarProcess.start(work, List.of("--month=2026-10"));
        int secondCode = second.exitCode();

        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.output()).contains("sla-compliance 2026-10: COMPLETED", "3000 read");
        assertThat(secondCode).as(second.output()).isEqualTo(ExitCode.BUSY);
        assertThat(second.output()).contains("another sla-compliance run").doesNotContain("\tat ");
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
