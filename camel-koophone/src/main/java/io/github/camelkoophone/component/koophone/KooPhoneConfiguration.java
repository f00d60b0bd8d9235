package io.github.camelkoophone.component.koophone;

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
 * Every option of the component: the shared credential, transport and retry options of
 * {@link CloudConfiguration} and koophone's own. The component holds one instance ({@code camel.component.koophone.*}); each
 * endpoint gets a {@link #copy()} and overrides what its URI sets.
 */
@UriParams
public class KooPhoneConfiguration extends CloudConfiguration {

    public static final String DEFAULT_ENDPOINT = "https://koophone.myhuaweicloud.com";
    public static final String DEFAULT_IAM_ENDPOINT = CloudConfiguration.DEFAULT_IAM_ENDPOINT;

    @UriParam(defaultValue = DEFAULT_ENDPOINT,
              description = "The KooPhone API base URL, e.g. a simulator's URL in tests.")
    private String endpoint = DEFAULT_ENDPOINT;

    @UriParam(label = "security",
              description = "The project id: scopes the IAM token (instead of projectName) and is sent as X-Project-Id with AK/SK signing.")
    private String projectId;

    // --- batching

    @UriParam(label = "producer", defaultValue = "100",
              description = "Id lists longer than this are split into several API calls whose results are merged. 0 disables splitting: longer lists than the API's maximum (100) are then rejected.")
    private int maxBatchSize = 100;
    @UriParam(label = "producer", defaultValue = "4", description = "How many calls of one split request are in flight at once.")
    private int batchConcurrency = 4;

    // --- operation inputs

    @UriParam(label = "producer", description = "Comma-separated instance ids.")
    private String instanceIds;
    @UriParam(label = "producer", description = "A single instance id.")
    private String instanceId;
    @UriParam(label = "producer", description = "The adb shell command for syncCommand and asyncCommand.")
    private String command;
    @UriParam(label = "producer", description = "The task id for getTask.")
    private String taskId;
    @UriParam(label = "producer", description = "The user id for assignInstance, unassignInstance, batchPrepareInstances and showProgress.")
    private String userId;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Check commands against the documented character set (letters, digits, space and _ . / : -) before sending.")
    private boolean validateCommand = true;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Register the task ids returned by this endpoint with the koophone:tasks consumers.")
    private boolean trackTasks = true;

    // --- tasks consumer

    @UriParam(label = "consumer", description = "koophone:tasks: comma-separated task ids to watch from the start.")
    private String taskIds;
    @UriParam(label = "consumer", defaultValue = "job", enums = "job,task",
              description = "koophone:tasks: one exchange per finished job (job), or one per task when all its jobs finished (task).")
    private String eventMode = "job";
    @UriParam(label = "consumer", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "koophone:tasks: a task still running after this long is emitted with status TIMED_OUT and dropped.")
    private long taskTimeout = 3_600_000;
    @UriParam(label = "consumer", description = "koophone:tasks: where pending tasks and delivered jobs are kept so they survive restarts, e.g. a FileStateRepository. In memory by default. Not used with a taskLog shared by nodes, which keeps this itself.")
    @Metadata(autowired = false)
    private StateRepository<String, String> taskStore;

    public KooPhoneConfiguration copy() {
        try {
            return (KooPhoneConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public void validate() {
        validateCommon();
        requireAtLeast("maxBatchSize", maxBatchSize, 0);
        if (maxBatchSize > 100) {
            throw new InvalidInputException("maxBatchSize", "must be at most 100 (the API maximum), was " + maxBatchSize);
        }
        requireAtLeast("batchConcurrency", batchConcurrency, 1);
        requireAtLeast("taskTimeout", taskTimeout, 1);
        if (!"job".equals(eventMode) && !"task".equals(eventMode)) {
            throw new InvalidInputException("eventMode", "must be job or task, was " + eventMode);
        }
    }

    @Override
    public RequestAssembler.Settings callSettings() {
        return new RequestAssembler.Settings(endpoint, maxBatchSize, validateCommand, getRequestTimeout(), Map.of(),
                KooPhoneConstants.REQUEST_ID);
    }

    @Override
    public Tracking tracking() {
        return new Tracking(taskIds, "task".equals(eventMode), taskTimeout, taskStore);
    }

    @Override
    public int splitConcurrency() {
        return batchConcurrency;
    }

    @Override
    public String getEndpoint() {
        return endpoint;
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

    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public int getBatchConcurrency() {
        return batchConcurrency;
    }

    public void setBatchConcurrency(int batchConcurrency) {
        this.batchConcurrency = batchConcurrency;
    }

    public String getInstanceIds() {
        return instanceIds;
    }

    public void setInstanceIds(String instanceIds) {
        this.instanceIds = instanceIds;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public boolean isValidateCommand() {
        return validateCommand;
    }

    public void setValidateCommand(boolean validateCommand) {
        this.validateCommand = validateCommand;
    }

    public boolean isTrackTasks() {
        return trackTasks;
    }

    public void setTrackTasks(boolean trackTasks) {
        this.trackTasks = trackTasks;
    }

    public String getTaskIds() {
        return taskIds;
    }

    public void setTaskIds(String taskIds) {
        this.taskIds = taskIds;
    }

    public String getEventMode() {
        return eventMode;
    }

    public void setEventMode(String eventMode) {
        this.eventMode = eventMode;
    }

    public long getTaskTimeout() {
        return taskTimeout;
    }

    public void setTaskTimeout(long taskTimeout) {
        this.taskTimeout = taskTimeout;
    }

    public StateRepository<String, String> getTaskStore() {
        return taskStore;
    }

    public void setTaskStore(StateRepository<String, String> taskStore) {
        this.taskStore = taskStore;
    }

}
