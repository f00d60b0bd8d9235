package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What batchShowSku returns (camelCase, as the purchase APIs spell it): the SKUs on sale per region, whose ids
 * createInstance takes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchShowSkuResult {

    // The reference's table spells it bandinfo, its example bandInfo.
    @JsonProperty("bandInfo")
    @JsonAlias("bandinfo")
    private BandInfo bandInfo;
    @JsonProperty("skuSpecResponseList")
    private List<SkuSpecResponse> skuSpecResponseList;

    public BatchShowSkuResult() {
    }

    public BandInfo getBandInfo() {
        return bandInfo;
    }

    public void setBandInfo(BandInfo bandInfo) {
        this.bandInfo = bandInfo;
    }

    public List<SkuSpecResponse> getSkuSpecResponseList() {
        return skuSpecResponseList;
    }

    public void setSkuSpecResponseList(List<SkuSpecResponse> skuSpecResponseList) {
        this.skuSpecResponseList = skuSpecResponseList;
    }

    @Override
    public String toString() {
        return "BatchShowSkuResult{bandInfo=" + bandInfo + ", skuSpecResponseList=" + skuSpecResponseList + "}";
    }

    /** The bandwidth SKU; its {@code cbcSkuId} is createInstance's {@code bandSkuId}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BandInfo {

        @JsonProperty("id")
        private String id;
        @JsonProperty("cbcSkuId")
        private String cbcSkuId;

        public BandInfo() {
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getCbcSkuId() {
            return cbcSkuId;
        }

        public void setCbcSkuId(String cbcSkuId) {
            this.cbcSkuId = cbcSkuId;
        }

        @Override
        public String toString() {
            return "BandInfo{id=" + id + ", cbcSkuId=" + cbcSkuId + "}";
        }
    }

    /** The SKUs of one region. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SkuSpecResponse {

        @JsonProperty("regionId")
        private String regionId;
        @JsonProperty("skuResponses")
        private List<SkuResponse> skuResponses;

        public SkuSpecResponse() {
        }

        public String getRegionId() {
            return regionId;
        }

        public void setRegionId(String regionId) {
            this.regionId = regionId;
        }

        public List<SkuResponse> getSkuResponses() {
            return skuResponses;
        }

        public void setSkuResponses(List<SkuResponse> skuResponses) {
            this.skuResponses = skuResponses;
        }

        @Override
        public String toString() {
            return "SkuSpecResponse{regionId=" + regionId + ", skuResponses=" + skuResponses + "}";
        }
    }

    /** One instance SKU; its {@code cbcSkuId} is createInstance's {@code instanceSkuId}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SkuResponse {

        /** ENTERPRISE or PROFESSIONAL. */
        @JsonProperty("type")
        private String type;
        @JsonProperty("cbcSkuId")
        private String cbcSkuId;
        @JsonProperty("name")
        private String name;
        @JsonProperty("calcSpec")
        private String calcSpec;
        @JsonProperty("storageSpec")
        private String storageSpec;
        @JsonProperty("specDesc")
        private String specDesc;
        @JsonProperty("specDescEn")
        private String specDescEn;
        /** The bandwidths on offer, comma-separated, e.g. {@code "4,6"}. */
        @JsonProperty("bandSize")
        private String bandSize;
        @JsonProperty("chargeMode")
        private Integer chargeMode;
        @JsonProperty("maxResolution")
        private String maxResolution;
        @JsonProperty("poolinfo")
        private PoolInfo poolInfo;
        @JsonProperty("nestinfo")
        private List<NestInfo> nestInfo;

        public SkuResponse() {
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getCbcSkuId() {
            return cbcSkuId;
        }

        public void setCbcSkuId(String cbcSkuId) {
            this.cbcSkuId = cbcSkuId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCalcSpec() {
            return calcSpec;
        }

        public void setCalcSpec(String calcSpec) {
            this.calcSpec = calcSpec;
        }

        public String getStorageSpec() {
            return storageSpec;
        }

        public void setStorageSpec(String storageSpec) {
            this.storageSpec = storageSpec;
        }

        public String getSpecDesc() {
            return specDesc;
        }

        public void setSpecDesc(String specDesc) {
            this.specDesc = specDesc;
        }

        public String getSpecDescEn() {
            return specDescEn;
        }

        public void setSpecDescEn(String specDescEn) {
            this.specDescEn = specDescEn;
        }

        public String getBandSize() {
            return bandSize;
        }

        public void setBandSize(String bandSize) {
            this.bandSize = bandSize;
        }

        public Integer getChargeMode() {
            return chargeMode;
        }

        public void setChargeMode(Integer chargeMode) {
            this.chargeMode = chargeMode;
        }

        public String getMaxResolution() {
            return maxResolution;
        }

        public void setMaxResolution(String maxResolution) {
            this.maxResolution = maxResolution;
        }

        public PoolInfo getPoolInfo() {
            return poolInfo;
        }

        public void setPoolInfo(PoolInfo poolInfo) {
            this.poolInfo = poolInfo;
        }

        public List<NestInfo> getNestInfo() {
            return nestInfo;
        }

        public void setNestInfo(List<NestInfo> nestInfo) {
            this.nestInfo = nestInfo;
        }

        @Override
        public String toString() {
            return "SkuResponse{type=" + type + ", cbcSkuId=" + cbcSkuId + ", name=" + name + ", bandSize=" + bandSize + "}";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class PoolInfo {

        @JsonProperty("aosp")
        private List<AospPool> aosp;

        public PoolInfo() {
        }

        public List<AospPool> getAosp() {
            return aosp;
        }

        public void setAosp(List<AospPool> aosp) {
            this.aosp = aosp;
        }

        @Override
        public String toString() {
            return "PoolInfo{aosp=" + aosp + "}";
        }
    }

    /** A resource pool of one AOSP version. Ids are kept as strings: the reference types {@code id} as an integer but its example quotes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class AospPool {

        /** AOSP9 or AOSP11, as createInstance's {@code os}. */
        @JsonProperty("version")
        private String version;
        @JsonProperty("resPoolId")
        private String resPoolId;
        @JsonProperty("id")
        private String id;
        /** EIP or ADN. */
        @JsonProperty("network")
        private String network;
        @JsonProperty("enable")
        private Boolean enable;

        public AospPool() {
        }

        public String getVersion() {
            return version;
        }

        public void setVersion(String version) {
            this.version = version;
        }

        public String getResPoolId() {
            return resPoolId;
        }

        public void setResPoolId(String resPoolId) {
            this.resPoolId = resPoolId;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getNetwork() {
            return network;
        }

        public void setNetwork(String network) {
            this.network = network;
        }

        public Boolean getEnable() {
            return enable;
        }

        public void setEnable(Boolean enable) {
            this.enable = enable;
        }

        @Override
        public String toString() {
            return "AospPool{version=" + version + ", id=" + id + ", network=" + network + ", enable=" + enable + "}";
        }
    }

    /** A usage scene offered with a SKU at one bandwidth; only in the example, not in the reference's tables. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class NestInfo {

        @JsonProperty("bandSize")
        private Integer bandSize;
        @JsonProperty("sceneType")
        private String sceneType;
        @JsonProperty("network")
        private String network;
        @JsonProperty("storageDesc")
        private String storageDesc;
        @JsonProperty("sceneDesc")
        private String sceneDesc;
        @JsonProperty("sceneDescEn")
        private String sceneDescEn;
        @JsonProperty("tags")
        private String tags;
        @JsonProperty("tagsEn")
        private String tagsEn;

        public NestInfo() {
        }

        public Integer getBandSize() {
            return bandSize;
        }

        public void setBandSize(Integer bandSize) {
            this.bandSize = bandSize;
        }

        public String getSceneType() {
            return sceneType;
        }

        public void setSceneType(String sceneType) {
            this.sceneType = sceneType;
        }

        public String getNetwork() {
            return network;
        }

        public void setNetwork(String network) {
            this.network = network;
        }

        public String getStorageDesc() {
            return storageDesc;
        }

        public void setStorageDesc(String storageDesc) {
            this.storageDesc = storageDesc;
        }

        public String getSceneDesc() {
            return sceneDesc;
        }

        public void setSceneDesc(String sceneDesc) {
            this.sceneDesc = sceneDesc;
        }

        public String getSceneDescEn() {
            return sceneDescEn;
        }

        public void setSceneDescEn(String sceneDescEn) {
            this.sceneDescEn = sceneDescEn;
        }

        public String getTags() {
            return tags;
        }

        public void setTags(String tags) {
            this.tags = tags;
        }

        public String getTagsEn() {
            return tagsEn;
        }

        public void setTagsEn(String tagsEn) {
            this.tagsEn = tagsEn;
        }

        @Override
        public String toString() {
            return "NestInfo{bandSize=" + bandSize + ", sceneType=" + sceneType + ", network=" + network + "}";
        }
    }
}
