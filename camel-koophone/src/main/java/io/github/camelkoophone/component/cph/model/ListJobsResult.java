package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What listJobs returns: the jobs of one request id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListJobsResult {

    @JsonProperty("request_id")
    private String requestId;
    @JsonProperty("jobs")
    private List<CphJob> jobs;

    public ListJobsResult() {
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public List<CphJob> getJobs() {
        return jobs;
    }

    public void setJobs(List<CphJob> jobs) {
        this.jobs = jobs;
    }

    @Override
    public String toString() {
        return "ListJobsResult{" + "request_id=" + requestId + ", jobs=" + jobs + "}";
    }
}
