package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Body of batchPrepareInstances. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrepareInstancesRequest implements RequestModel {

    @JsonProperty("user_id")
    private String userId;
    @JsonProperty("instance_ids")
    private List<String> instanceIds;

    public PrepareInstancesRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.id("user_id", userId);
        v.ids("instance_ids", instanceIds);
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public List<String> getInstanceIds() {
        return instanceIds;
    }

    public void setInstanceIds(List<String> instanceIds) {
        this.instanceIds = instanceIds;
    }
}
