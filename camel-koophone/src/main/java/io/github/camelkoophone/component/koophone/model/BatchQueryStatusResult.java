package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What batchQueryStatus returns. Status codes: 0 unknown, 1 stopped, 2 running, 3 going offline, 4 starting,
 * 5 shut down; the newest reference adds 6 and 7.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchQueryStatusResult {

    @JsonProperty("status_results")
    private List<InstanceStatus> statusResults;

    public BatchQueryStatusResult() {
    }

    public List<InstanceStatus> getStatusResults() {
        return statusResults;
    }

    public void setStatusResults(List<InstanceStatus> statusResults) {
        this.statusResults = statusResults;
    }

    @Override
    public String toString() {
        return "BatchQueryStatusResult{status_results=" + statusResults + "}";
    }
}
