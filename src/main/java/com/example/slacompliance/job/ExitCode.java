package com.example.slacompliance.job;

/** The process exit codes the scheduler reads; when two apply, the lower non-zero one wins. */
public final class ExitCode {

    public static final int SUCCESS = 0;
    /** The run failed after it started: database lost, output not written, too much bad data, SIGTERM. */
    public static final int FAILED = 1;
    /** Usage or configuration error, found before any work. */
    public static final int USAGE = 2;
    /** The run succeeded but some severity's compliance is below {@code --fail-under}. */
    public static final int BELOW_GATE = 3;
    /** Another run holds the database; nothing was touched. */
    public static final int BUSY = 4;

    private ExitCode() {
    }

    /** The code that wins when both apply. */
    public static int worst(int a, int b) {
        if (a == SUCCESS) {
            return b;
        }
        return b == SUCCESS ? a : Math.min(a, b);
    }
}
