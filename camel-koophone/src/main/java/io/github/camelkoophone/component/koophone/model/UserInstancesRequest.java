package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Body of assignInstance and unassignInstance: user/instance pairs. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserInstancesRequest implements RequestModel {

    @JsonProperty("user_instances")
    private List<UserInstance> userInstances;

    public UserInstancesRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.notEmpty("user_instances", userInstances);
        for (int i = 0; i < userInstances.size(); i++) {
            String path = "user_instances[" + i + "]";
            UserInstance pair = userInstances.get(i);
            v.required(path, pair);
            v.id(path + ".user_id", pair.getUserId());
            v.id(path + ".instance_id", pair.getInstanceId());
        }
    }

    public List<UserInstance> getUserInstances() {
        return userInstances;
    }

    public void setUserInstances(List<UserInstance> userInstances) {
        this.userInstances = userInstances;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class UserInstance {

        @JsonProperty("user_id")
        private String userId;
        @JsonProperty("instance_id")
        private String instanceId;

        public UserInstance() {
        }

        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }

        public String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }
    }
}
