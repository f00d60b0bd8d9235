package io.github.camelkoophone.simulator.state;

import java.time.Instant;

/**
 * A snapshot of one job of a task.
 *
 * @param status 1 running, 2 succeeded, -1 failed
 */
public record SimJob(String jobId, String instanceId, int status, String errorCode, String errorMsg,
                     String executeMsg, Instant finishAt) {

    public static final int RUNNING = 1;
    public static final int SUCCEEDED = 2;
    public static final int FAILED = -1;
}
