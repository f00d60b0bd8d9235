package io.github.camelkoophone.component.koophone.model;

/**
 * The status codes of command results and task jobs. Statuses stay plain {@code Integer}s in the models so that
 * values the reference does not list pass through untouched.
 */
public final class JobStatus {

    public static final int RUNNING = 1;
    public static final int SUCCEEDED = 2;
    public static final int FAILED = -1;

    private JobStatus() {
    }

    /** Only the documented end states count: a missing or unknown status is treated as still running. */
    public static boolean isTerminal(Integer status) {
        return status != null && (status == SUCCEEDED || status == FAILED);
    }
}
