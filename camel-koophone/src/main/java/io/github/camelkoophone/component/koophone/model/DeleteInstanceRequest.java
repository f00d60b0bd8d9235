package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Body of deleteInstance; one of the purchase APIs that spell their fields in camelCase. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeleteInstanceRequest implements RequestModel {

    @JsonProperty("instanceIdList")
    private List<String> instanceIdList;

    public DeleteInstanceRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.ids("instanceIdList", instanceIdList);
    }

    public List<String> getInstanceIdList() {
        return instanceIdList;
    }

    public void setInstanceIdList(List<String> instanceIdList) {
        this.instanceIdList = instanceIdList;
    }
}
