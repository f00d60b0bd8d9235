package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Body of the operations that take only {@code instance_ids}: batchQueryStatus, batchReset, batchRebootInstance, batchBackupInstances. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InstanceIdsRequest implements RequestModel {

    @JsonProperty("instance_ids")
    private List<String> instanceIds;

    public InstanceIdsRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.ids("instance_ids", instanceIds);
    }

    public List<String> getInstanceIds() {
        return instanceIds;
    }

    public void setInstanceIds(List<String> instanceIds) {
        this.instanceIds = instanceIds;
    }
}
