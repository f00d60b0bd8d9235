package io.github.camelkoophone.component.cloud.tasks;

import java.util.List;

/**
 * A task the API started could not be recorded in the task log: the exchange that started it fails with this, so
 * no task is dropped silently. The task runs in the cloud all the same; follow it by its id once the log is back
 * ({@code to("koophone:tasks")} with its id).
 */
public class TaskLogException extends RuntimeException {

    private final List<String> taskIds;

    public TaskLogException(List<String> taskIds, String problem, Throwable cause) {
        super("the task log could not record task(s) " + taskIds + " that the API already started: " + problem, cause);
        this.taskIds = List.copyOf(taskIds);
    }

    /** The tasks the API started that the log did not record. */
    public List<String> getTaskIds() {
        return taskIds;
    }
}
