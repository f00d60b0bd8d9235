package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class CommandResult {

        @JsonProperty("instance_id")
        private String instanceId;
        @JsonProperty("status")
        private Integer status;
        @JsonProperty("error_code")
        private String errorCode;
        @JsonProperty("error_msg")
        private String errorMsg;
        /** The command's output (at most 1,024 bytes), sent whether or not it succeeded. */
        @JsonProperty("execute_msg")
        private String executeMsg;

        public CommandResult() {
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

        public String getErrorCode() {
            return errorCode;
        }

        public void setErrorCode(String errorCode) {
            this.errorCode = errorCode;
        }

        public String getErrorMsg() {
            return errorMsg;
        }

        public void setErrorMsg(String errorMsg) {
            this.errorMsg = errorMsg;
        }

        public String getExecuteMsg() {
            return executeMsg;
        }

        public void setExecuteMsg(String executeMsg) {
            this.executeMsg = executeMsg;
        }

        @Override
        public String toString() {
            return "CommandResult{instance_id=" + instanceId + ", status=" + status + ", error_code=" + errorCode + "}";
        }
    }
}
