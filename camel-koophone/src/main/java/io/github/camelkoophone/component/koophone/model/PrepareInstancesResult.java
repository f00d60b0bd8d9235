package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What batchPrepareInstances returns: each instance's preparation status (0..10). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrepareInstancesResult {

    @JsonProperty("status_list")
    private List<InstanceStatus> statusList;

    public PrepareInstancesResult() {
    }

    public List<InstanceStatus> getStatusList() {
        return statusList;
    }

    public void setStatusList(List<InstanceStatus> statusList) {
        this.statusList = statusList;
    }

    @Override
    public String toString() {
        return "PrepareInstancesResult{status_list=" + statusList + "}";
    }
}
