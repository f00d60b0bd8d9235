package io.github.camelkoophone.component.cph;

import java.util.Map;

import io.github.camelkoophone.component.cloud.CloudConfiguration;
import io.github.camelkoophone.component.cloud.call.RequestAssembler;
import io.github.camelkoophone.component.cloud.tasks.Tracking;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Every option of the cph component: the credential, transport and retry options shared with koophone
 * ({@link CloudConfiguration}, same names and meaning) and CPH's own. The component holds one instance
 * ({@code camel.component.cph.*}); each endpoint gets a {@link #copy()} and overrides what its URI sets.
 */
@UriParams
public class CphConfiguration extends CloudConfiguration {

    /** Phone lists longer than this are split into several calls. */
    private static final int SPLIT_SIZE = 100;

    @UriParam(description = "The region of the CPH service, e.g. cn-east-3: the endpoint is https://cph.{region}.myhuaweicloud.com unless endpoint says otherwise.")
    private String region;
    @UriParam(description = "The CPH API base URL; overrides the one derived from region (a simulator's URL in tests).")
    private String endpoint;
    @UriParam(label = "security", description = "The project id, required on the endpoint or the component: in every path, sent as X-Project-Id with AK/SK signing, and scopes an IAM token unless projectName does.")
    private String projectId;
    @UriParam(label = "producer", description = "restartCloudPhones: comma-separated phone ids.")
    private String phoneIds;
    @UriParam(label = "producer", description = "listCloudPhones and cph:phones: only phones with this name.")
    private String phoneName;
    @UriParam(label = "producer", description = "listCloudPhones and cph:phones: only phones of this server.")
    private String serverId;
    @UriParam(label = "producer", description = "listCloudPhones and cph:phones: only phones in this status (e.g. 1 running, 6 shut down).")
    private Integer status;
    @UriParam(label = "producer", description = "listCloudPhones and cph:phones: only phones of this type (0 normal, 1 test).")
    private Integer type;
    @UriParam(label = "producer", description = "listCloudPhones: the first phone of the page (0 based).")
    private Integer offset;
    @UriParam(label = "producer", description = "listCloudPhones: the page size, 1 to 200 (with allPages, the size of each page fetched).")
    private Integer limit;
    @UriParam(label = "producer", defaultValue = "false", description = "listCloudPhones: follow offset to the end and return every phone in one merged list.")
    private boolean allPages = false;
    @UriParam(label = "producer", description = "listJobs: the request id whose jobs to list.")
    private String requestId;
    @UriParam(label = "producer", description = "showJob: the job id.")
    private String jobId;
    @UriParam(label = "producer", defaultValue = "true", description = "Register the request ids restartCloudPhones returns with the cph:jobs consumers.")
    private boolean trackJobs = true;
    @UriParam(label = "consumer", description = "cph:jobs: comma-separated request ids to watch from the start.")
    private String requestIds;
    @UriParam(label = "consumer", defaultValue = "3600000", javaType = "java.time.Duration", description = "cph:jobs: a request still running after this long has its unfinished jobs emitted with status TIMED_OUT and is dropped.")
    private long jobTimeout = 3_600_000;
    @UriParam(label = "consumer", description = "cph:jobs: where pending requests and delivered jobs are kept so they survive restarts, e.g. a FileStateRepository. In memory by default. Not used with a taskLog shared by nodes, which keeps this itself.")
    @Metadata(autowired = false)
    private StateRepository<String, String> jobStore;
    @UriParam(label = "consumer", defaultValue = "false", description = "cph:phones: emit only the phones whose status changed since the previous poll (the first poll emits all); by default every phone is emitted on every poll.")
    private boolean onlyChanges = false;

    public CphConfiguration copy() {
        try {
            return (CphConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public void validate() {
        if (getEndpoint() == null) {
            throw new InvalidInputException("region", "is required (or endpoint)");
        }
        validateCommon();
        if (getProjectId() == null || getProjectId().isBlank()) {
            throw new InvalidInputException("projectId", "is required: CPH paths are project-scoped");
        }
        if (limit != null && (limit < 1 || limit > 200)) {
            throw new InvalidInputException("limit", "must be between 1 and 200, was " + limit);
        }
        if (offset != null && offset < 0) {
            throw new InvalidInputException("offset", "must be at least 0, was " + offset);
        }
        requireAtLeast("jobTimeout", jobTimeout, 1);
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    /** The base URL: {@code endpoint} when set, otherwise {@code https://cph.{region}.myhuaweicloud.com}. */
    @Override
    public String getEndpoint() {
        if (endpoint != null && !endpoint.isBlank()) {
            return endpoint;
        }
        return region == null || region.isBlank() ? null : "https://cph." + region.trim() + ".myhuaweicloud.com";
    }

    /** Phone lists longer than 100 are split into several calls, four in flight at a time. */
    @Override
    public RequestAssembler.Settings callSettings() {
        return new RequestAssembler.Settings(getEndpoint(), SPLIT_SIZE, true, getRequestTimeout(),
                projectId == null ? Map.of() : Map.of("project_id", projectId), null);
    }

    /** cph:jobs emits one event per job. */
    @Override
    public Tracking tracking() {
        return new Tracking(requestIds, false, jobTimeout, jobStore);
    }

    @Override
    public int splitConcurrency() {
        return 4;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
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

    public Integer getType() {
        return type;
    }

    public void setType(Integer type) {
        this.type = type;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public boolean isTrackJobs() {
        return trackJobs;
    }

    public void setTrackJobs(boolean trackJobs) {
        this.trackJobs = trackJobs;
    }

    public String getRequestIds() {
        return requestIds;
    }

    public void setRequestIds(String requestIds) {
        this.requestIds = requestIds;
    }

    public long getJobTimeout() {
        return jobTimeout;
    }

    public void setJobTimeout(long jobTimeout) {
        this.jobTimeout = jobTimeout;
    }

    public StateRepository<String, String> getJobStore() {
        return jobStore;
    }

    public void setJobStore(StateRepository<String, String> jobStore) {
        this.jobStore = jobStore;
    }


    public boolean isOnlyChanges() {
        return onlyChanges;
    }

    public void setOnlyChanges(boolean onlyChanges) {
        this.onlyChanges = onlyChanges;
    }
}
