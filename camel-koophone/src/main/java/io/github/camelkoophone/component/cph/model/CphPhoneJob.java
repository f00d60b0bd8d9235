package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelkoophone.component.cloud.model.CodedResult;

/**
 * One job restartCloudPhones started: the phone and the job id to follow (error_code/error_msg when it could not start).
 */
@JsonPropertyOrder({"phone_id", "job_id", "error_code", "error_msg"})
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CphPhoneJob extends CodedResult {

    @JsonProperty("phone_id")
    private String phoneId;
    @JsonProperty("job_id")
    private String jobId;

    public CphPhoneJob() {
    }

    public String getPhoneId() {
        return phoneId;
    }

    public void setPhoneId(String phoneId) {
        this.phoneId = phoneId;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    @Override
    public String toString() {
        return "CphPhoneJob{" + "phone_id=" + phoneId + ", job_id=" + jobId + ", error_code=" + getErrorCode() + ", error_msg=" + getErrorMsg() + "}";
    }
}
