package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** The query of listJobs: the request id whose jobs to list. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListJobsRequest implements RequestModel {

    @JsonProperty("request_id")
    private String requestId;
    @JsonProperty("offset")
    private Integer offset;
    @JsonProperty("limit")
    private Integer limit;

    @Override
    public void validate(Validator validator) {
        validator.required("request_id", requestId == null || requestId.isBlank() ? null : requestId);
        if (offset != null) {
            validator.min("offset", offset, 0);
        }
        if (limit != null) {
            validator.min("limit", limit, 1);
        }
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }
}
