package com.example.slacompliance.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * SIGTERM stops the job at the next chunk boundary: the running step is marked terminate-only, which
 * Spring Batch checks between chunks, and no later step starts. The process then exits 1 once the run
 * has recorded how it ended. Signals belong to the process, hence the static state.
 */
public final class GracefulStop implements StepExecutionListener {

    private static final AtomicBoolean requested = new AtomicBoolean();
    private static final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private static final CountDownLatch finished = new CountDownLatch(1);
    private static volatile int exitCode = ExitCode.FAILED;

    /** Installs the SIGTERM (and Ctrl-C) handler; only the real process entry point calls it. */
    public static void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() == 0) {
                return; // the run had ended: a normal exit
            }
            request();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode);
        }, "sla-compliance-stop"));
    }

    static void request() {
        requested.set(true);
        running.forEach(StepExecution::setTerminateOnly);
    }

    static boolean isRequested() {
        return requested.get();
    }

    /** The run has ended with this code; a pending stop may now let the process go. */
    public static void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running.add(stepExecution);
        if (requested.get()) {
            stepExecution.setTerminateOnly();
        }
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        running.remove(stepExecution);
        return stepExecution.getExitStatus();
    }
}
