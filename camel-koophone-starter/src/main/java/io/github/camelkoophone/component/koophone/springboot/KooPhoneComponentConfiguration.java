package io.github.camelkoophone.component.koophone.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.github.camelkoophone.component.cloud.springboot.CloudComponentConfigurationProperties;
import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import org.apache.camel.spi.StateRepository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Calls a KooPhone cloud-phone API operation, or emits task-completion and instance-status events.
 * <p>
 * Every option of the {@code koophone} component as {@code camel.component.koophone.*} (those both services share are in
 * {@link CloudComponentConfigurationProperties}), with the component's names, defaults and descriptions ({@code KooPhoneComponentConfigurationTest} checks them against the component's
 * JSON metadata). Durations are {@link Duration}s: a bare number is milliseconds, as on the component.
 */
@ConfigurationProperties(prefix = "camel.component.koophone")
public class KooPhoneComponentConfiguration extends CloudComponentConfigurationProperties {

    /** The options whose values are secrets (the component's {@code secret = true} options). */
    public static final Set<String> SECRET_OPTIONS = Set.of("accessKey", "authToken", "password", "secretKey", "securityToken",
            "username");

    /**
     * Whether to enable auto configuration of the koophone component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * The shared configuration: every endpoint starts from a copy of it. The option is a
     * io.github.camelkoophone.component.koophone.KooPhoneConfiguration type: refer to a bean as
     * #bean:name.
     */
    private KooPhoneConfiguration configuration;

    /**
     * The KooPhone API base URL, e.g. a simulator's URL in tests.
     */
    private String endpoint = "https://koophone.myhuaweicloud.com";

    /**
     * koophone:tasks: one exchange per finished job (job), or one per task when all its jobs finished
     * (task).
     */
    private String eventMode = "job";

    /**
     * koophone:tasks: comma-separated task ids to watch from the start.
     */
    private String taskIds;

    /**
     * koophone:tasks: where pending tasks and delivered jobs are kept so they survive restarts, e.g. a
     * FileStateRepository. In memory by default. Not used with a taskLog shared by nodes, which keeps this
     * itself. The option is a org.apache.camel.spi.StateRepository
     * type: refer to a bean as #bean:name.
     */
    private StateRepository<String, String> taskStore;

    /**
     * koophone:tasks: a task still running after this long is emitted with status TIMED_OUT and dropped. A
     * duration: milliseconds, or a value such as 500ms, 10s, 5m or PT1H.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration taskTimeout = Duration.ofHours(1);

    /**
     * How many calls of one split request are in flight at once.
     */
    private Integer batchConcurrency = 4;

    /**
     * The adb shell command for syncCommand and asyncCommand.
     */
    private String command;

    /**
     * A single instance id.
     */
    private String instanceId;

    /**
     * Comma-separated instance ids.
     */
    private String instanceIds;

    /**
     * Id lists longer than this are split into several API calls whose results are merged. 0 disables
     * splitting: longer lists than the API's maximum (100) are then rejected.
     */
    private Integer maxBatchSize = 100;

    /**
     * The task id for getTask.
     */
    private String taskId;

    /**
     * Register the task ids returned by this endpoint with the koophone:tasks consumers.
     */
    private Boolean trackTasks = true;

    /**
     * The user id for assignInstance, unassignInstance, batchPrepareInstances and showProgress.
     */
    private String userId;

    /**
     * Check commands against the documented character set (letters, digits, space and _ . / : -) before
     * sending.
     */
    private Boolean validateCommand = true;

    /**
     * The project id: scopes the IAM token (instead of projectName) and is sent as X-Project-Id with AK/SK
     * signing.
     */
    private String projectId;

    public KooPhoneConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KooPhoneConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getEventMode() {
        return eventMode;
    }

    public void setEventMode(String eventMode) {
        this.eventMode = eventMode;
    }

    public String getTaskIds() {
        return taskIds;
    }

    public void setTaskIds(String taskIds) {
        this.taskIds = taskIds;
    }

    public StateRepository<String, String> getTaskStore() {
        return taskStore;
    }

    public void setTaskStore(StateRepository<String, String> taskStore) {
        this.taskStore = taskStore;
    }

    public Duration getTaskTimeout() {
        return taskTimeout;
    }

    public void setTaskTimeout(Duration taskTimeout) {
        this.taskTimeout = taskTimeout;
    }

    public Integer getBatchConcurrency() {
        return batchConcurrency;
    }

    public void setBatchConcurrency(Integer batchConcurrency) {
        this.batchConcurrency = batchConcurrency;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getInstanceIds() {
        return instanceIds;
    }

    public void setInstanceIds(String instanceIds) {
        this.instanceIds = instanceIds;
    }

    public Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public Boolean getTrackTasks() {
        return trackTasks;
    }

    public void setTrackTasks(Boolean trackTasks) {
        this.trackTasks = trackTasks;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Boolean getValidateCommand() {
        return validateCommand;
    }

    public void setValidateCommand(Boolean validateCommand) {
        this.validateCommand = validateCommand;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

}
