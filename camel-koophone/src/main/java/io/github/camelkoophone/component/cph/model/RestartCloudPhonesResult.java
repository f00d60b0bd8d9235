package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What restartCloudPhones returns: the request id grouping the jobs (follow it with listJobs or cph:jobs), and one job per phone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestartCloudPhonesResult {

    @JsonProperty("request_id")
    private String requestId;
    @JsonProperty("jobs")
    private List<CphPhoneJob> jobs;

    public RestartCloudPhonesResult() {
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public List<CphPhoneJob> getJobs() {
        return jobs;
    }

    public void setJobs(List<CphPhoneJob> jobs) {
        this.jobs = jobs;
    }

    @Override
    public String toString() {
        return "RestartCloudPhonesResult{" + "request_id=" + requestId + ", jobs=" + jobs + "}";
    }
}
