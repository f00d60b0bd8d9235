package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Body of syncCommand and asyncCommand: one adb shell command for every listed instance. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CommandRequest implements RequestModel {

    @JsonProperty("command")
    private String command;
    @JsonProperty("instance_ids")
    private List<String> instanceIds;

    public CommandRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.command("command", command);
        v.ids("instance_ids", instanceIds);
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public List<String> getInstanceIds() {
        return instanceIds;
    }

    public void setInstanceIds(List<String> instanceIds) {
        this.instanceIds = instanceIds;
    }
}
