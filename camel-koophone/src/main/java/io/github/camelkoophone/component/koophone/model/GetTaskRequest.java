package io.github.camelkoophone.component.koophone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Input of getTask; {@code task_id} goes into the path. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GetTaskRequest implements RequestModel {

    @JsonProperty("task_id")
    private String taskId;

    public GetTaskRequest() {
    }

    // Not checked as an instance id: installApp's task ids are longer than 32 characters.
    @Override
    public void validate(Validator v) {
        v.required("task_id", taskId);
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }
}
