package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What createInstance returns: the order and the instances it creates. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CreateInstanceResult {

    @JsonProperty("orderId")
    private String orderId;
    @JsonProperty("instanceInfos")
    private List<InstanceInfo> instanceInfos;

    public CreateInstanceResult() {
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public List<InstanceInfo> getInstanceInfos() {
        return instanceInfos;
    }

    public void setInstanceInfos(List<InstanceInfo> instanceInfos) {
        this.instanceInfos = instanceInfos;
    }

    @Override
    public String toString() {
        return "CreateInstanceResult{orderId=" + orderId + ", instanceInfos=" + instanceInfos + "}";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class InstanceInfo {

        @JsonProperty("instanceId")
        private String instanceId;
        @JsonProperty("instanceName")
        private String instanceName;

        public InstanceInfo() {
        }

        public String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }

        public String getInstanceName() {
            return instanceName;
        }

        public void setInstanceName(String instanceName) {
            this.instanceName = instanceName;
        }

        @Override
        public String toString() {
            return "InstanceInfo{instanceId=" + instanceId + ", instanceName=" + instanceName + "}";
        }
    }
}
