package io.github.camelkoophone.simulator.state;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a task as GetTask would report it.
 *
 * @param taskId    the id returned by the creating operation
 * @param operation the creating operation ({@code asyncCommand}, {@code batchReset}...)
 * @param createdAt simulated creation time
 * @param jobs      one job per instance
 */
public record SimTask(String taskId, String operation, Instant createdAt, List<SimJob> jobs) {

    /** Whether every job reached 2 (succeeded) or -1 (failed). */
    public boolean finished() {
        return jobs.stream().allMatch(j -> j.status() != SimJob.RUNNING);
    }
}
