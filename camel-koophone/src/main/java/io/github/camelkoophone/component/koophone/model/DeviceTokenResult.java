package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What getDeviceToken returns: the token and addresses a client needs to start streaming from an instance.
 * {@link #toString()} leaves the token out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceTokenResult {

    @JsonProperty("device_token")
    private String deviceToken;
    /** Newest reference only. */
    @JsonProperty("streamingId")
    private String streamingId;
    @JsonProperty("resource")
    private Resource resource;

    public DeviceTokenResult() {
    }

    public String getDeviceToken() {
        return deviceToken;
    }

    public void setDeviceToken(String deviceToken) {
        this.deviceToken = deviceToken;
    }

    public String getStreamingId() {
        return streamingId;
    }

    public void setStreamingId(String streamingId) {
        this.streamingId = streamingId;
    }

    public Resource getResource() {
        return resource;
    }

    public void setResource(Resource resource) {
        this.resource = resource;
    }

    @Override
    public String toString() {
        return "DeviceTokenResult{device_token=" + (deviceToken == null ? null : "***") + ", streamingId=" + streamingId
                + ", resource=" + resource + "}";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Resource {

        @JsonProperty("device_id")
        private String deviceId;
        /** The instance id. */
        @JsonProperty("kp_id")
        private String kpId;
        @JsonProperty("sdk")
        private Sdk sdk;
        @JsonProperty("rtc")
        private Rtc rtc;

        public Resource() {
        }

        public String getDeviceId() {
            return deviceId;
        }

        public void setDeviceId(String deviceId) {
            this.deviceId = deviceId;
        }

        public String getKpId() {
            return kpId;
        }

        public void setKpId(String kpId) {
            this.kpId = kpId;
        }

        public Sdk getSdk() {
            return sdk;
        }

        public void setSdk(Sdk sdk) {
            this.sdk = sdk;
        }

        public Rtc getRtc() {
            return rtc;
        }

        public void setRtc(Rtc rtc) {
            this.rtc = rtc;
        }

        @Override
        public String toString() {
            return "Resource{device_id=" + deviceId + ", kp_id=" + kpId + ", sdk=" + sdk + ", rtc=" + rtc + "}";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Sdk {

        @JsonProperty("internal")
        private SdkAddress internal;
        @JsonProperty("external")
        private SdkAddress external;

        public Sdk() {
        }

        public SdkAddress getInternal() {
            return internal;
        }

        public void setInternal(SdkAddress internal) {
            this.internal = internal;
        }

        public SdkAddress getExternal() {
            return external;
        }

        public void setExternal(SdkAddress external) {
            this.external = external;
        }

        @Override
        public String toString() {
            return "Sdk{internal=" + internal + ", external=" + external + "}";
        }
    }

    /**
     * A network address of the instance. The reference types {@code aport} and {@code atype} as strings on the
     * internal address and as integers on the external one; both are kept as strings, which read either form.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SdkAddress {

        @JsonProperty("address")
        private String address;
        /** Audio port. */
        @JsonProperty("aport")
        private String aport;
        /** Audio type. */
        @JsonProperty("atype")
        private String atype;
        @JsonProperty("address_ipv6")
        private String addressIpv6;

        public SdkAddress() {
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getAport() {
            return aport;
        }

        public void setAport(String aport) {
            this.aport = aport;
        }

        public String getAtype() {
            return atype;
        }

        public void setAtype(String atype) {
            this.atype = atype;
        }

        public String getAddressIpv6() {
            return addressIpv6;
        }

        public void setAddressIpv6(String addressIpv6) {
            this.addressIpv6 = addressIpv6;
        }

        @Override
        public String toString() {
            return "SdkAddress{address=" + address + ", aport=" + aport + ", atype=" + atype
                    + ", address_ipv6=" + addressIpv6 + "}";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Rtc {

        @JsonProperty("ice_signaling")
        private IceSignaling iceSignaling;

        public Rtc() {
        }

        public IceSignaling getIceSignaling() {
            return iceSignaling;
        }

        public void setIceSignaling(IceSignaling iceSignaling) {
            this.iceSignaling = iceSignaling;
        }

        @Override
        public String toString() {
            return "Rtc{ice_signaling=" + iceSignaling + "}";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class IceSignaling {

        /** Where the client connects, passing {@code device_id} and the device token. */
        @JsonProperty("signaling_url")
        private String signalingUrl;
        /** Streaming duration in seconds. */
        @JsonProperty("expired_time")
        private String expiredTime;
        @JsonProperty("ice_servers")
        private List<String> iceServers;

        public IceSignaling() {
        }

        public String getSignalingUrl() {
            return signalingUrl;
        }

        public void setSignalingUrl(String signalingUrl) {
            this.signalingUrl = signalingUrl;
        }

        public String getExpiredTime() {
            return expiredTime;
        }

        public void setExpiredTime(String expiredTime) {
            this.expiredTime = expiredTime;
        }

        public List<String> getIceServers() {
            return iceServers;
        }

        public void setIceServers(List<String> iceServers) {
            this.iceServers = iceServers;
        }

        @Override
        public String toString() {
            return "IceSignaling{signaling_url=" + signalingUrl + ", expired_time=" + expiredTime
                    + ", ice_servers=" + iceServers + "}";
        }
    }
}
