package io.github.camelkoophone.component.cloud.tasks;

import io.github.camelkoophone.component.cloud.call.ApiOperation;

/**
 * A task to follow: its id (a KooPhone task id, a CPH request id), the operation that started it (null when
 * unknown) and the instance (phone) of each job, which the job query does not always repeat.
 *
 * @param jobIds      the jobs the starting call reported, in order
 * @param instanceIds the instance of each of those jobs (null where unknown)
 */
public record TaskRegistration(String taskId, ApiOperation operation, String[] jobIds, String[] instanceIds) {

    private static final String[] NONE = new String[0];

    /** This task's state as a consumer starts following it, registered at {@code registeredAt} (epoch ms). */
    public String state(long registeredAt) {
        return new TrackedTask(taskId, operation == null ? null : operation.name(), registeredAt, jobIds, instanceIds).encode();
    }

    /** A task known by its id only; its jobs are learnt from the first query. */
    public static TaskRegistration of(String taskId, ApiOperation operation) {
        return new TaskRegistration(taskId, operation, NONE, NONE);
    }
}
