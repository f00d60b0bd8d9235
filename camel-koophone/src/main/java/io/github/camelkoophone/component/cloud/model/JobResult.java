package io.github.camelkoophone.component.cloud.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one job (a command on one instance, a restart of one phone) went: its {@code status} as the service numbers
 * it (kept as it came, so values the references do not list pass through), its code and message, and its output.
 */
public class JobResult extends CodedResult {

    @JsonProperty("status")
    private Integer status;
    @JsonProperty("execute_msg")
    private String executeMsg;

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public String getExecuteMsg() {
        return executeMsg;
    }

    public void setExecuteMsg(String executeMsg) {
        this.executeMsg = executeMsg;
    }
}
