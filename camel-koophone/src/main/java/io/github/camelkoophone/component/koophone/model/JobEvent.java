package io.github.camelkoophone.component.koophone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A job of a task that reached its end: the body of a {@code koophone:tasks} event, a GetTask job that also says
 * which task it belongs to. {@code status} is the API's (2 succeeded, -1 failed), or null when the task timed out
 * before the job finished.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobEvent extends GetTaskResult.Job {

    @JsonProperty("task_id")
    private String taskId;

    public JobEvent() {
    }

    /** The event for a job as GetTask reported it; the instance id comes from wherever it is known. */
    public static JobEvent of(String taskId, GetTaskResult.Job job, String instanceId) {
        JobEvent event = new JobEvent();
        event.setTaskId(taskId);
        event.setJobId(job.getJobId());
        event.setInstanceId(instanceId);
        event.setStatus(job.getStatus());
        event.setErrorCode(job.getErrorCode());
        event.setErrorMsg(job.getErrorMsg());
        event.setExecuteMsg(job.getExecuteMsg());
        return event;
    }

    /** The event for a job that had not finished when its task timed out. */
    public static JobEvent timedOut(String taskId, String jobId, String instanceId, String reason) {
        JobEvent event = new JobEvent();
        event.setTaskId(taskId);
        event.setJobId(jobId);
        event.setInstanceId(instanceId);
        event.setErrorMsg(reason);
        return event;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    @Override
    public String toString() {
        return "JobEvent{task_id=" + taskId + ", job_id=" + getJobId() + ", instance_id=" + getInstanceId()
               + ", status=" + getStatus() + (getErrorCode() == null ? "" : ", error_code=" + getErrorCode()) + "}";
    }
}
