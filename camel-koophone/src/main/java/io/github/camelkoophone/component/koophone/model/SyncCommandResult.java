package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelkoophone.component.cloud.model.JobResult;

/** What syncCommand returns: the command's outcome on each instance. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SyncCommandResult {

    // The newest reference's example spells it emd_results.
    @JsonProperty("cmd_results")
    @JsonAlias("emd_results")
    private List<CommandResult> cmdResults;

    public SyncCommandResult() {
    }

    public List<CommandResult> getCmdResults() {
        return cmdResults;
    }

    public void setCmdResults(List<CommandResult> cmdResults) {
        this.cmdResults = cmdResults;
    }

    @Override
    public String toString() {
        return "SyncCommandResult{cmd_results=" + cmdResults + "}";
    }

    /** The outcome on one instance; {@code status} as in {@link JobStatus}. */
    @JsonPropertyOrder({"instance_id", "status", "error_code", "error_msg", "execute_msg"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class CommandResult extends JobResult {

        @JsonProperty("instance_id")
        private String instanceId;

        public CommandResult() {
        }

        public String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }

        @Override
        public String toString() {
            return "CommandResult{instance_id=" + instanceId + ", status=" + getStatus() + ", error_code=" + getErrorCode() + "}";
        }
    }
}
