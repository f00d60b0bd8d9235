package io.github.camelkoophone.component.koophone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One job started by a task-returning operation. The API does not send {@code task_id} per job; it is there so
 * that jobs merged from several split calls still say which task they belong to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CmdJob {

    @JsonProperty("instance_id")
    private String instanceId;
    @JsonProperty("job_id")
    private String jobId;
    @JsonProperty("task_id")
    private String taskId;

    public CmdJob() {
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    @Override
    public String toString() {
        return "CmdJob{instance_id=" + instanceId + ", job_id=" + jobId + (taskId == null ? "" : ", task_id=" + taskId) + "}";
    }
}
