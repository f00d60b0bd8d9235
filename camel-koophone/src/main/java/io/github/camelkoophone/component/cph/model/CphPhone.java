package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One cloud phone as listCloudPhones reports it. {@code status}: 0 creating, 1 running, 2 resetting, 3 restarting, 4 frozen, 5 shutting down, 6 shut down, negative values failures; values beyond these pass through.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CphPhone {

    @JsonProperty("phone_name")
    private String phoneName;
    @JsonProperty("server_id")
    private String serverId;
    @JsonProperty("phone_id")
    private String phoneId;
    @JsonProperty("phone_model_name")
    private String phoneModelName;
    @JsonProperty("image_id")
    private String imageId;
    @JsonProperty("image_version")
    private String imageVersion;
    @JsonProperty("vnc_enable")
    private String vncEnable;
    @JsonProperty("status")
    private Integer status;
    @JsonProperty("type")
    private Integer type;
    @JsonProperty("imei")
    private String imei;
    @JsonProperty("traffic_type")
    private String trafficType;
    @JsonProperty("volume_mode")
    private Integer volumeMode;
    @JsonProperty("availability_zone")
    private String availabilityZone;
    @JsonProperty("metadata")
    private Metadata metadata;
    @JsonProperty("has_encrypt")
    private Boolean hasEncrypt;
    @JsonProperty("create_time")
    private String createTime;
    @JsonProperty("update_time")
    private String updateTime;

    public CphPhone() {
    }

    public String getPhoneName() {
        return phoneName;
    }

    public void setPhoneName(String phoneName) {
        this.phoneName = phoneName;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public String getPhoneId() {
        return phoneId;
    }

    public void setPhoneId(String phoneId) {
        this.phoneId = phoneId;
    }

    public String getPhoneModelName() {
        return phoneModelName;
    }

    public void setPhoneModelName(String phoneModelName) {
        this.phoneModelName = phoneModelName;
    }

    public String getImageId() {
        return imageId;
    }

    public void setImageId(String imageId) {
        this.imageId = imageId;
    }

    public String getImageVersion() {
        return imageVersion;
    }

    public void setImageVersion(String imageVersion) {
        this.imageVersion = imageVersion;
    }

    public String getVncEnable() {
        return vncEnable;
    }

    public void setVncEnable(String vncEnable) {
        this.vncEnable = vncEnable;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public Integer getType() {
        return type;
    }

    public void setType(Integer type) {
        this.type = type;
    }

    public String getImei() {
        return imei;
    }

    public void setImei(String imei) {
        this.imei = imei;
    }

    public String getTrafficType() {
        return trafficType;
    }

    public void setTrafficType(String trafficType) {
        this.trafficType = trafficType;
    }

    public Integer getVolumeMode() {
        return volumeMode;
    }

    public void setVolumeMode(Integer volumeMode) {
        this.volumeMode = volumeMode;
    }

    public String getAvailabilityZone() {
        return availabilityZone;
    }

    public void setAvailabilityZone(String availabilityZone) {
        this.availabilityZone = availabilityZone;
    }

    public Metadata getMetadata() {
        return metadata;
    }

    public void setMetadata(Metadata metadata) {
        this.metadata = metadata;
    }

    public Boolean getHasEncrypt() {
        return hasEncrypt;
    }

    public void setHasEncrypt(Boolean hasEncrypt) {
        this.hasEncrypt = hasEncrypt;
    }

    public String getCreateTime() {
        return createTime;
    }

    public void setCreateTime(String createTime) {
        this.createTime = createTime;
    }

    public String getUpdateTime() {
        return updateTime;
    }

    public void setUpdateTime(String updateTime) {
        this.updateTime = updateTime;
    }

    /** The order the phone was bought with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Metadata {

        @JsonProperty("order_id")
        private String orderId;
        @JsonProperty("product_id")
        private String productId;

        public String getOrderId() {
            return orderId;
        }

        public void setOrderId(String orderId) {
            this.orderId = orderId;
        }

        public String getProductId() {
            return productId;
        }

        public void setProductId(String productId) {
            this.productId = productId;
        }
    }

    @Override
    public String toString() {
        return "CphPhone{" + "phone_id=" + phoneId + ", phone_name=" + phoneName + ", server_id=" + serverId + ", status=" + status + "}";
    }
}
