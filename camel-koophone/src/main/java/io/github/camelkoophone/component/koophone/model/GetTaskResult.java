package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelkoophone.component.cloud.model.JobResult;

/** What getTask returns: the jobs of one task. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GetTaskResult {

    @JsonProperty("jobs")
    private List<Job> jobs;

    public GetTaskResult() {
    }

    /** Whether the task has jobs and every one has ended; a task with no jobs yet may still be filling up. */
    @JsonIgnore
    public boolean isTerminal() {
        return jobs != null && !jobs.isEmpty() && jobs.stream().allMatch(job -> job != null && job.isTerminal());
    }

    public List<Job> getJobs() {
        return jobs;
    }

    public void setJobs(List<Job> jobs) {
        this.jobs = jobs;
    }

    @Override
    public String toString() {
        return "GetTaskResult{jobs=" + jobs + "}";
    }

    /** One job; {@code status} as in {@link JobStatus}. The reference does not promise {@code instance_id}. */
    @JsonPropertyOrder({"job_id", "instance_id", "status", "error_code", "error_msg", "execute_msg"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Job extends JobResult {

        @JsonProperty("job_id")
        private String jobId;
        @JsonProperty("instance_id")
        private String instanceId;

        public Job() {
        }

        @JsonIgnore
        public boolean isTerminal() {
            return JobStatus.isTerminal(getStatus());
        }

        public String getJobId() {
            return jobId;
        }

        public void setJobId(String jobId) {
            this.jobId = jobId;
        }

        public String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }

        @Override
        public String toString() {
            return "Job{job_id=" + jobId + (instanceId == null ? "" : ", instance_id=" + instanceId)
                    + ", status=" + getStatus() + ", error_code=" + getErrorCode() + "}";
        }
    }
}
