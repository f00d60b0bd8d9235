package io.github.camelkoophone.component.koophone.tasks;

import java.util.List;

import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.TaskResult;

/**
 * A task to watch: its id, the operation that created it (null when unknown) and the instance of each job,
 * which GetTask does not always repeat.
 */
public record TaskRegistration(String taskId, KooPhoneOperation operation, String[] jobIds, String[] instanceIds) {

    private static final String[] NONE = new String[0];

    public static TaskRegistration of(String taskId, KooPhoneOperation operation) {
        return new TaskRegistration(taskId, operation, NONE, NONE);
    }

    public static TaskRegistration of(TaskResult task, KooPhoneOperation operation) {
        List<CmdJob> jobs = task.getCmdJobs() == null ? List.of() : task.getCmdJobs();
        String[] jobIds = new String[jobs.size()];
        String[] instanceIds = new String[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            jobIds[i] = jobs.get(i).getJobId();
            instanceIds[i] = jobs.get(i).getInstanceId();
        }
        return new TaskRegistration(task.getTaskId(), operation, jobIds, instanceIds);
    }
}
