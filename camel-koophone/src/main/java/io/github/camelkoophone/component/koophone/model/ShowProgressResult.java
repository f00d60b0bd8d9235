package io.github.camelkoophone.component.koophone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What showProgress returns: the preparation status (0, 1, 2, 3 or -1) and how many requests wait before it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShowProgressResult {

    @JsonProperty("status")
    private Integer status;
    @JsonProperty("waitingCount")
    private Integer waitingCount;

    public ShowProgressResult() {
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public Integer getWaitingCount() {
        return waitingCount;
    }

    public void setWaitingCount(Integer waitingCount) {
        this.waitingCount = waitingCount;
    }

    @Override
    public String toString() {
        return "ShowProgressResult{status=" + status + ", waitingCount=" + waitingCount + "}";
    }
}
