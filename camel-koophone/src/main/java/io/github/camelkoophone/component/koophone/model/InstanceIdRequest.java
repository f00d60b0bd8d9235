package io.github.camelkoophone.component.koophone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/**
 * Input of the single-instance operations: getDeviceToken (where {@code instance_id} goes into the path),
 * stopInstancesStreaming and releaseInstancesSession.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InstanceIdRequest implements RequestModel {

    @JsonProperty("instance_id")
    private String instanceId;

    public InstanceIdRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.id("instance_id", instanceId);
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }
}
