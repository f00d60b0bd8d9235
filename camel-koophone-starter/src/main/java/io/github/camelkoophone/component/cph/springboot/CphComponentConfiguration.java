package io.github.camelkoophone.component.cph.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.github.camelkoophone.component.cloud.springboot.CloudComponentConfigurationProperties;
import io.github.camelkoophone.component.cph.CphConfiguration;
import org.apache.camel.spi.StateRepository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Calls a Huawei Cloud Phone Host (CPH) API operation, or emits job-completion and phone events.
 * <p>
 * Every option of the {@code cph} component as {@code camel.component.cph.*} (those both services share are in
 * {@link CloudComponentConfigurationProperties}), with the component's names, defaults and descriptions
 * ({@code CphComponentConfigurationTest} checks them against the component's JSON metadata).
 * Durations are {@link Duration}s: a bare number is milliseconds, as on the component.
 */
@ConfigurationProperties(prefix = "camel.component.cph")
public class CphComponentConfiguration extends CloudComponentConfigurationProperties {

    /** The options whose values are secrets (the component's {@code secret = true} options). */
    public static final Set<String> SECRET_OPTIONS = Set.of("accessKey", "authToken", "password", "secretKey",
            "securityToken", "username");

    /**
     * Whether to enable auto configuration of the cph component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The options every endpoint inherits (camel.component.cph.*). The option is a
     * io.github.camelkoophone.component.cph.CphConfiguration type: refer to a bean as #bean:name.
     */
    private CphConfiguration configuration;

    /**
     * The CPH API base URL; overrides the one derived from region (a simulator's URL in tests).
     */
    private String endpoint;

    /**
     * The region of the CPH service, e.g. cn-east-3: the endpoint is https://cph.{region}.myhuaweicloud.com
     * unless endpoint says otherwise.
     */
    private String region;

    /**
     * cph:jobs: where pending requests and delivered jobs are kept so they survive restarts, e.g. a
     * FileStateRepository. In memory by default. Not used with a taskLog shared by nodes, which keeps this
     * itself. The option is a org.apache.camel.spi.StateRepository type: refer to a bean as #bean:name.
     */
    private StateRepository<String, String> jobStore;

    /**
     * cph:jobs: a request still running after this long has its unfinished jobs emitted with status TIMED_OUT
     * and is dropped. A duration: milliseconds, or a value such as 500ms, 10s, 5m or PT1H.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration jobTimeout = Duration.ofHours(1);

    /**
     * cph:phones: emit only the phones whose status changed since the previous poll (the first poll emits
     * all); by default every phone is emitted on every poll.
     */
    private Boolean onlyChanges = false;

    /**
     * cph:jobs: comma-separated request ids to watch from the start.
     */
    private String requestIds;

    /**
     * listCloudPhones: follow offset to the end and return every phone in one merged list.
     */
    private Boolean allPages = false;

    /**
     * showJob: the job id.
     */
    private String jobId;

    /**
     * listCloudPhones: the page size, 1 to 200 (with allPages, the size of each page fetched).
     */
    private Integer limit;

    /**
     * listCloudPhones: the first phone of the page (0 based).
     */
    private Integer offset;

    /**
     * restartCloudPhones: comma-separated phone ids.
     */
    private String phoneIds;

    /**
     * listCloudPhones and cph:phones: only phones with this name.
     */
    private String phoneName;

    /**
     * listJobs: the request id whose jobs to list.
     */
    private String requestId;

    /**
     * listCloudPhones and cph:phones: only phones of this server.
     */
    private String serverId;

    /**
     * listCloudPhones and cph:phones: only phones in this status (e.g. 1 running, 6 shut down).
     */
    private Integer status;

    /**
     * Register the request ids restartCloudPhones returns with the cph:jobs consumers.
     */
    private Boolean trackJobs = true;

    /**
     * listCloudPhones and cph:phones: only phones of this type (0 normal, 1 test).
     */
    private Integer type;

    /**
     * The project id, required on the endpoint or the component: in every path, sent as X-Project-Id with
     * AK/SK signing, and scopes an IAM token unless projectName does.
     */
    private String projectId;

    public CphConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CphConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public StateRepository<String, String> getJobStore() {
        return jobStore;
    }

    public void setJobStore(StateRepository<String, String> jobStore) {
        this.jobStore = jobStore;
    }

    public Duration getJobTimeout() {
        return jobTimeout;
    }

    public void setJobTimeout(Duration jobTimeout) {
        this.jobTimeout = jobTimeout;
    }

    public Boolean getOnlyChanges() {
        return onlyChanges;
    }

    public void setOnlyChanges(Boolean onlyChanges) {
        this.onlyChanges = onlyChanges;
    }

    public String getRequestIds() {
        return requestIds;
    }

    public void setRequestIds(String requestIds) {
        this.requestIds = requestIds;
    }

    public Boolean getAllPages() {
        return allPages;
    }

    public void setAllPages(Boolean allPages) {
        this.allPages = allPages;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public String getPhoneIds() {
        return phoneIds;
    }

    public void setPhoneIds(String phoneIds) {
        this.phoneIds = phoneIds;
    }

    public String getPhoneName() {
        return phoneName;
    }

    public void setPhoneName(String phoneName) {
        this.phoneName = phoneName;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public Boolean getTrackJobs() {
        return trackJobs;
    }

    public void setTrackJobs(Boolean trackJobs) {
        this.trackJobs = trackJobs;
    }

    public Integer getType() {
        return type;
    }

    public void setType(Integer type) {
        this.type = type;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

}
