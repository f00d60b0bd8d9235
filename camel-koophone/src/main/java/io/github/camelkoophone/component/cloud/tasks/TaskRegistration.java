package io.github.camelkoophone.component.koophone.tasks;

import java.util.List;

import io.github.camelkoophone.component.koophone.api.ApiOperation;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.TaskResult;

/**
 * A task to watch: its id (a KooPhone task id, or a CPH request id), the operation that created it (null when
 * unknown) and the instance (phone) of each job, which the job query does not always repeat.
 */
public record TaskRegistration(String taskId, ApiOperation operation, String[] jobIds, String[] instanceIds) {

    private static final String[] NONE = new String[0];

    public static TaskRegistration of(String taskId, ApiOperation operation) {
        return new TaskRegistration(taskId, operation, NONE, NONE);
    }

    public static TaskRegistration of(TaskResult task, ApiOperation operation) {
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
