package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A task whose jobs all reached their end (or that timed out): the body of a {@code koophone:tasks} event with
 * {@code eventMode=task}. {@code status} is SUCCEEDED when every job succeeded, FAILED when one failed, TIMED_OUT.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskEvent {

    @JsonProperty("task_id")
    private String taskId;
    @JsonProperty("operation")
    private String operation;
    @JsonProperty("status")
    private String status;
    @JsonProperty("jobs")
    private List<JobEvent> jobs;

    public TaskEvent() {
    }

    public TaskEvent(String taskId, String operation, String status, List<JobEvent> jobs) {
        this.taskId = taskId;
        this.operation = operation;
        this.status = status;
        this.jobs = jobs;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public List<JobEvent> getJobs() {
        return jobs;
    }

    public void setJobs(List<JobEvent> jobs) {
        this.jobs = jobs;
    }

    @Override
    public String toString() {
        return "TaskEvent{task_id=" + taskId + ", status=" + status + ", jobs=" + (jobs == null ? 0 : jobs.size()) + "}";
    }
}
