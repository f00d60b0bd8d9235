package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelkoophone.component.cloud.model.JobResult;

/**
 * One CPH job (listJobs entry, showJob result, cph:jobs event). {@code status}: 0 waiting, 1 running, 2 succeeded, -1 failed; others pass through.
 */
@JsonPropertyOrder({"request_id", "phone_id", "server_id", "node_id", "job_id", "begin_time", "end_time", "status", "error_code", "error_msg", "execute_msg"})
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CphJob extends JobResult {

    @JsonProperty("request_id")
    private String requestId;
    @JsonProperty("phone_id")
    private String phoneId;
    @JsonProperty("server_id")
    private String serverId;
    @JsonProperty("node_id")
    private String nodeId;
    @JsonProperty("job_id")
    private String jobId;
    @JsonProperty("begin_time")
    private String beginTime;
    @JsonProperty("end_time")
    private String endTime;

    public CphJob() {
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getPhoneId() {
        return phoneId;
    }

    public void setPhoneId(String phoneId) {
        this.phoneId = phoneId;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getBeginTime() {
        return beginTime;
    }

    public void setBeginTime(String beginTime) {
        this.beginTime = beginTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    @Override
    public String toString() {
        return "CphJob{" + "request_id=" + requestId + ", job_id=" + jobId + ", phone_id=" + phoneId + ", status=" + getStatus() + ", error_code=" + getErrorCode() + "}";
    }
}
