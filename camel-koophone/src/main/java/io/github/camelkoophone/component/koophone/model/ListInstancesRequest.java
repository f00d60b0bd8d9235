package io.github.camelkoophone.component.koophone.model;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Query of listInstances. Times are UTC, written {@value Validator#TIMESTAMP_PATTERN}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListInstancesRequest implements RequestModel {

    public static final Set<String> POOL_SCENE_TAGS = Validator.allowed("CLOUD_APP", "CLOUD_PHONE");
    public static final int DEFAULT_PAGE_NO = 1;
    public static final int DEFAULT_PAGE_SIZE = 100;

    // The API requires both; the defaults let a bare listInstances call fetch the first page.
    @JsonProperty("page_no")
    private Integer pageNo = DEFAULT_PAGE_NO;
    @JsonProperty("page_size")
    private Integer pageSize = DEFAULT_PAGE_SIZE;
    @JsonProperty("instance_id")
    private String instanceId;
    @JsonProperty("instance_name")
    private String instanceName;
    @JsonProperty("query_start_time")
    private String queryStartTime;
    @JsonProperty("query_end_time")
    private String queryEndTime;
    // The reference's example query string spells it poolSceneTag.
    @JsonProperty("pool_scene_tag")
    @JsonAlias("poolSceneTag")
    private String poolSceneTag;

    public ListInstancesRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.min("page_no", pageNo, 1);
        v.min("page_size", pageSize, 1);
        if (instanceId != null) {
            v.id("instance_id", instanceId);
        }
        if (queryStartTime != null) {
            v.timestamp("query_start_time", queryStartTime);
        }
        if (queryEndTime != null) {
            v.timestamp("query_end_time", queryEndTime);
        }
        if (poolSceneTag != null) {
            v.oneOf("pool_scene_tag", poolSceneTag, POOL_SCENE_TAGS);
        }
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

    public String getQueryStartTime() {
        return queryStartTime;
    }

    public void setQueryStartTime(String queryStartTime) {
        this.queryStartTime = queryStartTime;
    }

    public String getQueryEndTime() {
        return queryEndTime;
    }

    public void setQueryEndTime(String queryEndTime) {
        this.queryEndTime = queryEndTime;
    }

    public String getPoolSceneTag() {
        return poolSceneTag;
    }

    public void setPoolSceneTag(String poolSceneTag) {
        this.poolSceneTag = poolSceneTag;
    }
}
