package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** The path of showJob: the job id. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShowJobRequest implements RequestModel {

    @JsonProperty("job_id")
    private String jobId;

    @Override
    public void validate(Validator validator) {
        validator.required("job_id", jobId == null || jobId.isBlank() ? null : jobId);
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }
}
