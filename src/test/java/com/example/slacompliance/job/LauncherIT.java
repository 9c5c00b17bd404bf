package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build writes, {@code target/sla-compliance}: the job started with a class data
 * archive that is valid only for the folder, JDK and jars it was written for. {@code -Xshare:on} makes
 * the JVM refuse to start when the archive cannot be used, where the launcher alone would quietly run
 * without it: so each run below that exits 0 under it proves the archive was used.
 */
class LauncherIT {

    private static final String ARCHIVE_REQUIRED = "-Xshare:on -Xmx256m";
    private static final String WRITING = "writing the class data archive";
    private static final List<String> DEMO = List.of("--demo", "--month=2026-10");

    @TempDir
    Path work;

    @Test
    void runsTheJobWithTheArchiveTheBuildWroteAndPassesOnTheExitCode() throws Exception {
        JarProcess demo = JarProcess.startLauncher(JarProcess.LAUNCHER, ARCHIVE_REQUIRED, work, DEMO);
        assertThat(demo.exitCode()).as(demo.output()).isEqualTo(ExitCode.SUCCESS);
        assertThat(demo.output()).contains("sla-compliance 2026-10: COMPLETED", "3000 read").doesNotContain(WRITING);
        assertThat(work.resolve("reports/2026-10/sla-compliance-2026-10.xlsx")).exists();

        JarProcess usage = JarProcess.startLauncher(JarProcess.LAUNCHER, ARCHIVE_REQUIRED, work, List.of("--bogus"));
        assertThat(usage.exitCode()).as(usage.output()).isEqualTo(ExitCode.USAGE);
        assertThat(usage.output()).contains("unknown option --bogus");
    }

    @Test
    void anInstalledCopyWritesAnArchiveForItsFolderOnceAndAgainWhenTheJarIsReplaced() throws Exception {
        // copied as the README installs it, the build's archive included: that one is valid in target/ only
        Path install = Files.createDirectories(work.resolve("opt/sla-compliance"));
        Path target = JarProcess.LAUNCHER.getParent();
        for (String file : List.of("sla-compliance", "sla-compliance.jar", "lib", "sla-compliance.jsa",
                "sla-compliance.jsa.for")) {
            copy(target.resolve(file), install.resolve(file));
        }
        Path launcher = install.resolve("sla-compliance");
        Path run = Files.createDirectories(work.resolve("run"));

        JarProcess first = JarProcess.startLauncher(launcher, ARCHIVE_REQUIRED, run, DEMO);
        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.output()).contains(WRITING + " for " + install.toRealPath());

        JarProcess second = JarProcess.startLauncher(launcher, ARCHIVE_REQUIRED, run, DEMO);
        assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCode.SUCCESS);
        assertThat(second.output()).doesNotContain(WRITING);

        // a new jar deployed over the old one
        Path jar = install.resolve("sla-compliance.jar");
        FileTime archived = Files.getLastModifiedTime(install.resolve("sla-compliance.jsa"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(archived.toMillis() + 60_000));
        JarProcess upgraded = JarProcess.startLauncher(launcher, ARCHIVE_REQUIRED, run, DEMO);
        assertThat(upgraded.exitCode()).as(upgraded.output()).isEqualTo(ExitCode.SUCCESS);
        assertThat(upgraded.output()).contains(WRITING);
    }

    /** Copies with the modification times, as {@code cp -rp} does. */
    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    copy(file, to.resolve(file.getFileName().toString()));
                }
            }
            Files.setLastModifiedTime(to, Files.getLastModifiedTime(from)); // as `cp -rp` does
        } else {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
