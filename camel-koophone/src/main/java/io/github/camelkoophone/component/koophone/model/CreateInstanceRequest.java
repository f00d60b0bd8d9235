package io.github.camelkoophone.component.koophone.model;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Body of createInstance (camelCase, as the purchase APIs spell it). SKU ids come from batchShowSku. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CreateInstanceRequest implements RequestModel {

    public static final Set<String> OS_VERSIONS = Validator.allowed("AOSP9", "AOSP11");
    public static final int MAX_NAME_PREFIX_LENGTH = 14;

    @JsonProperty("os")
    private String os;
    @JsonProperty("instanceSkuId")
    private String instanceSkuId;
    @JsonProperty("bandSkuId")
    private String bandSkuId;
    @JsonProperty("regionId")
    private String regionId;
    @JsonProperty("instanceNamePrefix")
    private String instanceNamePrefix;
    /** Bandwidth in Mbit/s; batchShowSku lists the sizes a SKU offers. A Double in the reference: 4.5 stays 4.5. */
    @JsonProperty("bandSize")
    @JsonSerialize(using = WholeNumbersPlain.class)
    private Double bandSize;
    @JsonProperty("count")
    private Integer count;
    @JsonProperty("chargeParam")
    private ChargeParam chargeParam;
    @JsonProperty("network")
    private String network;

    public CreateInstanceRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.oneOf("os", os, OS_VERSIONS);
        v.required("instanceSkuId", instanceSkuId);
        v.required("bandSkuId", bandSkuId);
        v.required("regionId", regionId);
        v.required("instanceNamePrefix", instanceNamePrefix);
        v.maxLength("instanceNamePrefix", instanceNamePrefix, MAX_NAME_PREFIX_LENGTH);
        v.required("bandSize", bandSize);
        v.min("count", count, 1);
        v.required("chargeParam", chargeParam);
        chargeParam.validate(v, "chargeParam");
    }

    public String getOs() {
        return os;
    }

    public void setOs(String os) {
        this.os = os;
    }

    public String getInstanceSkuId() {
        return instanceSkuId;
    }

    public void setInstanceSkuId(String instanceSkuId) {
        this.instanceSkuId = instanceSkuId;
    }

    public String getBandSkuId() {
        return bandSkuId;
    }

    public void setBandSkuId(String bandSkuId) {
        this.bandSkuId = bandSkuId;
    }

    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public String getInstanceNamePrefix() {
        return instanceNamePrefix;
    }

    public void setInstanceNamePrefix(String instanceNamePrefix) {
        this.instanceNamePrefix = instanceNamePrefix;
    }

    public Double getBandSize() {
        return bandSize;
    }

    public void setBandSize(Double bandSize) {
        this.bandSize = bandSize;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public ChargeParam getChargeParam() {
        return chargeParam;
    }

    public void setChargeParam(ChargeParam chargeParam) {
        this.chargeParam = chargeParam;
    }

    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = network;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ChargeParam {

        public static final int PERIOD_MONTH = 2;
        public static final int PERIOD_YEAR = 3;
        public static final int MAX_MONTHS = 9;
        public static final int MAX_YEARS = 3;
        private static final Set<Integer> PERIOD_TYPES = Validator.allowed(PERIOD_MONTH, PERIOD_YEAR);
        private static final Set<Integer> FLAGS = Validator.allowed(0, 1);

        @JsonProperty("chargingMode")
        private Integer chargingMode;
        @JsonProperty("periodType")
        private Integer periodType;
        @JsonProperty("periodNum")
        private Integer periodNum;
        /** 0 or 1. */
        @JsonProperty("isAutoPay")
        private Integer autoPay;
        /** 0 or 1. */
        @JsonProperty("isAutoRenew")
        private Integer autoRenew;

        public ChargeParam() {
        }

        void validate(Validator v, String path) {
            v.required(path + ".chargingMode", chargingMode);
            v.oneOf(path + ".periodType", periodType, PERIOD_TYPES);
            v.range(path + ".periodNum", periodNum, 1, periodType == PERIOD_MONTH ? MAX_MONTHS : MAX_YEARS);
            if (autoPay != null) {
                v.oneOf(path + ".isAutoPay", autoPay, FLAGS);
            }
            if (autoRenew != null) {
                v.oneOf(path + ".isAutoRenew", autoRenew, FLAGS);
            }
        }

        public Integer getChargingMode() {
            return chargingMode;
        }

        public void setChargingMode(Integer chargingMode) {
            this.chargingMode = chargingMode;
        }

        public Integer getPeriodType() {
            return periodType;
        }

        public void setPeriodType(Integer periodType) {
            this.periodType = periodType;
        }

        public Integer getPeriodNum() {
            return periodNum;
        }

        public void setPeriodNum(Integer periodNum) {
            this.periodNum = periodNum;
        }

        public Integer getAutoPay() {
            return autoPay;
        }

        public void setAutoPay(Integer autoPay) {
            this.autoPay = autoPay;
        }

        public Integer getAutoRenew() {
            return autoRenew;
        }

        public void setAutoRenew(Integer autoRenew) {
            this.autoRenew = autoRenew;
        }
    }
}
