package io.github.camelkoophone.component.koophone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An instance and a status code, as batchQueryStatus (running state) and batchPrepareInstances (preparation state)
 * return them. Codes the reference does not list are kept as they come.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InstanceStatus {

    @JsonProperty("instance_id")
    private String instanceId;
    @JsonProperty("status")
    private Integer status;

    public InstanceStatus() {
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    @Override
    public String toString() {
        return "InstanceStatus{instance_id=" + instanceId + ", status=" + status + "}";
    }
}
