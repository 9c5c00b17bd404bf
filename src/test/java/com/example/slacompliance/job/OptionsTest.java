package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void readsTheJobsOwnOptions() {
        Options o = Options.parse("--month=2026-10", "--demo", "--fail-under=95.5", "--import=export.csv");
        assertThat(o.month()).contains(YearMonth.of(2026, 10));
        assertThat(o.demo()).isTrue();
        assertThat(o.dryRun()).isFalse();
        assertThat(o.failUnder()).contains(new BigDecimal("95.5"));
        assertThat(o.importCsv()).contains(Path.of("export.csv"));
        assertThat(Options.parse().month()).isEmpty();
    }

    @Test
    void letsDeclaredSlaSpringAndLoggingPropertiesThrough() {
        Options.parse("--sla.zone=Europe/London", "--sla.outputDir=x", "--sla.output-dir=x", "--sla.max_reject_ratio=1",
                "--sla.threads=1", "--sla.policy.versions[0].id=v1", "--spring.datasource.url=jdbc:h2:mem:x",
                "--logging.level.root=INFO");
    }

    @Test
    void refusesWhatItCannotRunWithOneClearLine() {
        assertThatThrownBy(() -> Options.parse("--month=2026-13")).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> Options.parse("--month=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse("--sla.zoen=UTC")).hasMessageContaining("unknown option --sla.zoen");
        assertThatThrownBy(() -> Options.parse("--frobnicate")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Options.parse("2026-10")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> Options.parse("--fail-under=101")).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> Options.parse("--fail-under=abc")).hasMessageContaining("percentage");
        assertThatThrownBy(() -> Options.parse("--demo=yes")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> Options.parse("--dry-run", "--import=x.csv")).hasMessageContaining("cannot --import");
    }

    @Test
    void theLowerNonZeroExitCodeWins() {
        assertThat(ExitCode.worst(ExitCode.SUCCESS, ExitCode.BELOW_GATE)).isEqualTo(3);
        assertThat(ExitCode.worst(ExitCode.BELOW_GATE, ExitCode.FAILED)).isEqualTo(1);
        assertThat(ExitCode.worst(ExitCode.FAILED, ExitCode.SUCCESS)).isEqualTo(1);
        assertThat(ExitCode.worst(ExitCode.SUCCESS, ExitCode.SUCCESS)).isZero();
    }
}
