package io.github.camelkoophone.component.cloud.tasks;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a task-following consumer needs from its service: how to query a task's jobs, how to read a job, and what
 * the event of a job (or, in per-task mode, of a task) carries.
 *
 * @param <J> the service's job as its query returns it
 */
public interface JobSource<J> {

    /** A job as the machinery reads it: its id, its instance (phone) if the job says, and how far it got. */
    record Job(String jobId, String instanceId, State state) {
    }

    /** How far a job got; only the documented end states end it, anything else counts as still running. */
    enum State {
        RUNNING, SUCCEEDED, FAILED
    }

    /** The jobs of a task as the API reports them now. */
    CompletableFuture<List<J>> query(String taskId);

    Job read(J job);

    /**
     * The body of a job's event.
     *
     * @param job        the job as the query returned it, or null when its task timed out before it ended
     * @param instanceId the job's instance, from the job or from the registration
     * @param reason     why a timed-out job is emitted, else null
     */
    Object jobEvent(String taskId, String jobId, String instanceId, J job, String reason);

    /** The body of a whole task's event ({@code eventMode=task}), holding its job events. */
    default Object taskEvent(String taskId, String operation, String status, List<Object> jobEvents) {
        throw new UnsupportedOperationException("this service emits one event per job");
    }
}
