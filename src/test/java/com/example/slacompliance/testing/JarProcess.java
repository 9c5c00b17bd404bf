package com.example.slacompliance.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The packaged jar started as the scheduler starts it: its own process, exit code, output. */
public final class JarProcess {

    static final Path JAR = Path.of("target/sla-compliance.jar").toAbsolutePath();
    /** The launcher the build writes beside the jar, with the class data archive. */
    public static final Path LAUNCHER = Path.of("target/sla-compliance").toAbsolutePath();

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -Xmx256m -jar sla-compliance.jar args} in {@code workDir}. */
    public static JarProcess start(Path workDir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                packaged(JAR).toString()));
        command.addAll(args);
        return start(workDir, new ProcessBuilder(command));
    }

    /**
     * Starts {@code launcher args} in {@code workDir} with {@code JAVA_OPTS=javaOpts}, and this JDK as
     * {@code JAVA_HOME} (the one that built the class data archive).
     */
    public static JarProcess startLauncher(Path launcher, String javaOpts, Path workDir, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(packaged(launcher).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_OPTS", javaOpts);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return start(workDir, builder);
    }

    private static Path packaged(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: run `mvn verify` (it packages before the *IT tests)");
        }
        return file;
    }

    private static JarProcess start(Path workDir, ProcessBuilder builder) throws IOException {
        Path log = Files.createTempFile(workDir, "run-", ".log");
        Process process = builder.directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        return new JarProcess(process, log);
    }

    /** Runs to the end and returns the exit code. */
    public static int run(Path workDir, List<String> args) throws IOException, InterruptedException {
        JarProcess p = start(workDir, args);
        return p.exitCode();
    }

    public int exitCode() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not finish in 3 minutes; output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, as cron's or systemd's stop sends. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Waits until {@code condition} holds while the process runs; fails if it ends first or a minute passes. */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the job ended before " + what + "; output:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; output:\n" + output());
            }
            Thread.sleep(50);
        }
    }
}
