package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of listInstances. The paging fields may arrive beside {@code data}; the envelope handling moves them in. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListInstancesResult {

    @JsonProperty("result")
    private List<InstanceRecord> result;
    @JsonProperty("page_no")
    private Integer pageNo;
    @JsonProperty("page_size")
    private Integer pageSize;
    @JsonProperty("total_count")
    private Integer totalCount;

    public ListInstancesResult() {
    }

    public List<InstanceRecord> getResult() {
        return result;
    }

    public void setResult(List<InstanceRecord> result) {
        this.result = result;
    }

    public Integer getPageNo() {
        return pageNo;
    }

    public void setPageNo(Integer pageNo) {
        this.pageNo = pageNo;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Integer getTotalCount() {
        return totalCount;
    }

    public void setTotalCount(Integer totalCount) {
        this.totalCount = totalCount;
    }

    @Override
    public String toString() {
        return "ListInstancesResult{page_no=" + pageNo + ", page_size=" + pageSize + ", total_count=" + totalCount
                + ", result=" + (result == null ? null : result.size() + " instances") + "}";
    }

    /**
     * One instance. Codes: {@code frozen_status} 0 normal, 1 frozen; {@code running_status} as batchQueryStatus;
     * {@code login_status} and {@code assign_status} 0 or 1; {@code backup_status} and {@code restore_status} 0..4.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class InstanceRecord {

        @JsonProperty("instance_id")
        private String instanceId;
        @JsonProperty("instance_name")
        private String instanceName;
        @JsonProperty("region")
        private String region;
        @JsonProperty("instance_sku")
        private String instanceSku;
        @JsonProperty("frozen_status")
        private Integer frozenStatus;
        @JsonProperty("running_status")
        private Integer runningStatus;
        @JsonProperty("login_status")
        private Integer loginStatus;
        @JsonProperty("assign_status")
        private Integer assignStatus;
        @JsonProperty("assign_user")
        private String assignUser;
        @JsonProperty("billing_mode")
        private String billingMode;
        @JsonProperty("project_id")
        private String projectId;
        @JsonProperty("project_name")
        private String projectName;
        @JsonProperty("phone_id")
        private String phoneId;
        @JsonProperty("member_name")
        private String memberName;
        @JsonProperty("account_name")
        private String accountName;
        @JsonProperty("region_name")
        private String regionName;
        @JsonProperty("region_name_en")
        private String regionNameEn;
        @JsonProperty("backup_status")
        private Integer backupStatus;
        @JsonProperty("backup_time")
        private String backupTime;
        @JsonProperty("restore_status")
        private Integer restoreStatus;
        @JsonProperty("restore_time")
        private String restoreTime;

        public InstanceRecord() {
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

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public String getInstanceSku() {
            return instanceSku;
        }

        public void setInstanceSku(String instanceSku) {
            this.instanceSku = instanceSku;
        }

        public Integer getFrozenStatus() {
            return frozenStatus;
        }

        public void setFrozenStatus(Integer frozenStatus) {
            this.frozenStatus = frozenStatus;
        }

        public Integer getRunningStatus() {
            return runningStatus;
        }

        public void setRunningStatus(Integer runningStatus) {
            this.runningStatus = runningStatus;
        }

        public Integer getLoginStatus() {
            return loginStatus;
        }

        public void setLoginStatus(Integer loginStatus) {
            this.loginStatus = loginStatus;
        }

        public Integer getAssignStatus() {
            return assignStatus;
        }

        public void setAssignStatus(Integer assignStatus) {
            this.assignStatus = assignStatus;
        }

        public String getAssignUser() {
            return assignUser;
        }

        public void setAssignUser(String assignUser) {
            this.assignUser = assignUser;
        }

        public String getBillingMode() {
            return billingMode;
        }

        public void setBillingMode(String billingMode) {
            this.billingMode = billingMode;
        }

        public String getProjectId() {
            return projectId;
        }

        public void setProjectId(String projectId) {
            this.projectId = projectId;
        }

        public String getProjectName() {
            return projectName;
        }

        public void setProjectName(String projectName) {
            this.projectName = projectName;
        }

        public String getPhoneId() {
            return phoneId;
        }

        public void setPhoneId(String phoneId) {
            this.phoneId = phoneId;
        }

        public String getMemberName() {
            return memberName;
        }

        public void setMemberName(String memberName) {
            this.memberName = memberName;
        }

        public String getAccountName() {
            return accountName;
        }

        public void setAccountName(String accountName) {
            this.accountName = accountName;
        }

        public String getRegionName() {
            return regionName;
        }

        public void setRegionName(String regionName) {
            this.regionName = regionName;
        }

        public String getRegionNameEn() {
            return regionNameEn;
        }

        public void setRegionNameEn(String regionNameEn) {
            this.regionNameEn = regionNameEn;
        }

        public Integer getBackupStatus() {
            return backupStatus;
        }

        public void setBackupStatus(Integer backupStatus) {
            this.backupStatus = backupStatus;
        }

        public String getBackupTime() {
            return backupTime;
        }

        public void setBackupTime(String backupTime) {
            this.backupTime = backupTime;
        }

        public Integer getRestoreStatus() {
            return restoreStatus;
        }

        public void setRestoreStatus(Integer restoreStatus) {
            this.restoreStatus = restoreStatus;
        }

        public String getRestoreTime() {
            return restoreTime;
        }

        public void setRestoreTime(String restoreTime) {
            this.restoreTime = restoreTime;
        }

        @Override
        public String toString() {
            return "InstanceRecord{instance_id=" + instanceId + ", instance_name=" + instanceName
                    + ", region=" + region + ", running_status=" + runningStatus + "}";
        }
    }
}
