package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The task started by asyncCommand, batchReset, unassignInstance, batchBackupInstances or installApp; follow it
 * with getTask. The older reference's batchReset returns no data, leaving both fields null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskResult {

    @JsonProperty("task_id")
    private String taskId;
    // Several examples of the newest reference spell it ecmd_jobs.
    @JsonProperty("cmd_jobs")
    @JsonAlias("ecmd_jobs")
    private List<CmdJob> cmdJobs;

    public TaskResult() {
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public List<CmdJob> getCmdJobs() {
        return cmdJobs;
    }

    public void setCmdJobs(List<CmdJob> cmdJobs) {
        this.cmdJobs = cmdJobs;
    }

    @Override
    public String toString() {
        return "TaskResult{task_id=" + taskId + ", cmd_jobs=" + cmdJobs + "}";
    }
}
