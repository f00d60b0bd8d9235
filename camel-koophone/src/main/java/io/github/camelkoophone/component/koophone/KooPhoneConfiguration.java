package io.github.camelkoophone.component.koophone;

import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option of the component. The component holds one instance ({@code camel.component.koophone.*}); each
 * endpoint gets a {@link #copy()} and overrides what its URI sets.
 */
@UriParams
public class KooPhoneConfiguration implements Cloneable {

    public static final String DEFAULT_ENDPOINT = "https://koophone.myhuaweicloud.com";
    public static final String DEFAULT_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";

    @UriParam(defaultValue = DEFAULT_ENDPOINT,
              description = "The KooPhone API base URL, e.g. a simulator's URL in tests.")
    private String endpoint = DEFAULT_ENDPOINT;

    // --- authentication

    @UriParam(label = "security", secret = true,
              description = "A ready project-scoped IAM token, sent as X-Auth-Token. Takes precedence over the other credentials.")
    private String authToken;
    @UriParam(label = "security", description = "IAM user name for password login.")
    private String username;
    @UriParam(label = "security", secret = true, description = "IAM user password for password login.")
    private String password;
    @UriParam(label = "security", description = "The account (domain) name of the IAM user.")
    private String domainName;
    @UriParam(label = "security", description = "The project (region) name the IAM token is scoped to, e.g. cn-north-4.")
    private String projectName;
    @UriParam(label = "security",
              description = "The project id: scopes the IAM token (instead of projectName) and is sent as X-Project-Id with AK/SK signing.")
    private String projectId;
    @UriParam(label = "security", defaultValue = DEFAULT_IAM_ENDPOINT, description = "The IAM base URL.")
    private String iamEndpoint = DEFAULT_IAM_ENDPOINT;
    @UriParam(label = "security", secret = true, description = "Access key id for AK/SK request signing (SDK-HMAC-SHA256).")
    private String accessKey;
    @UriParam(label = "security", secret = true, description = "Secret access key for AK/SK request signing.")
    private String secretKey;
    @UriParam(label = "security", secret = true,
              description = "Security token of temporary AK/SK credentials, sent as X-Security-Token.")
    private String securityToken;

    // --- transport

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Timeout to establish a connection.")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Timeout for one HTTP attempt, from sending the request to the last byte of the response.")
    private long requestTimeout = 30_000;
    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;
    @UriParam(label = "security", description = "TLS configuration (trust store, key store, protocols).")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "false",
              description = "Trust any certificate and host name. For tests only: a warning is logged.")
    private boolean ignoreSslVerification;
    @UriParam(label = "advanced", defaultValue = "100",
              description = "Maximum pooled HTTP connections per component (and per host).")
    private int maxConnections = 100;

    // --- retries

    @UriParam(label = "producer", defaultValue = "3",
              description = "Retries after a 429, 502, 503, 504 or connection failure (0 disables retries).")
    private int maxRetries = 3;
    @UriParam(label = "producer", defaultValue = "500", javaType = "java.time.Duration",
              description = "First retry delay; doubled on each retry, with jitter.")
    private long retryDelay = 500;
    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Upper bound of a retry delay, Retry-After included.")
    private long maxRetryDelay = 30_000;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Also retry state-changing operations after a failure where the request may have reached the server (HTTP 500, read timeout, dropped connection). Off by default so a reset or command never runs twice behind your back.")
    private boolean retryNonIdempotent;

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
    @UriParam(label = "consumer", description = "koophone:tasks: where pending tasks and delivered jobs are kept so they survive restarts, e.g. a FileStateRepository. In memory by default.")
    @Metadata(autowired = false)
    private StateRepository<String, String> taskStore;

    @UriParam(label = "consumer", defaultValue = "10",
              description = "koophone:tasks: how many GetTask calls one poll keeps in flight.")
    private int pollConcurrency = 10;
    @UriParam(label = "consumer", defaultValue = "5",
              description = "koophone:tasks: how often an event whose exchange failed is offered again before it is given up (logged at WARN).")
    private int maxDeliveryAttempts = 5;

    public KooPhoneConfiguration copy() {
        try {
            return (KooPhoneConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Checks the option values that cannot be right whatever the operation, naming the option and the rule.
     */
    public void validate() {
        requireUrl("endpoint", endpoint);
        requireUrl("iamEndpoint", iamEndpoint);
        requireAtLeast("connectTimeout", connectTimeout, 1);
        requireAtLeast("requestTimeout", requestTimeout, 1);
        requireAtLeast("maxConnections", maxConnections, 1);
        requireAtLeast("maxRetries", maxRetries, 0);
        requireAtLeast("retryDelay", retryDelay, 0);
        requireAtLeast("maxRetryDelay", maxRetryDelay, retryDelay);
        requireAtLeast("maxBatchSize", maxBatchSize, 0);
        if (maxBatchSize > 100) {
            throw new KooPhoneValidationException("maxBatchSize", "must be at most 100 (the API maximum), was " + maxBatchSize);
        }
        requireAtLeast("batchConcurrency", batchConcurrency, 1);
        requireAtLeast("taskTimeout", taskTimeout, 1);
        requireAtLeast("pollConcurrency", pollConcurrency, 1);
        requireAtLeast("maxDeliveryAttempts", maxDeliveryAttempts, 1);
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new KooPhoneValidationException("proxyPort", "must be between 1 and 65535, was " + proxyPort);
        }
        if (proxyPort != null && proxyHost == null) {
            throw new KooPhoneValidationException("proxyHost", "is required when proxyPort is set");
        }
        if (!"job".equals(eventMode) && !"task".equals(eventMode)) {
            throw new KooPhoneValidationException("eventMode", "must be job or task, was " + eventMode);
        }
    }

    private static void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new KooPhoneValidationException(option, "must be at least " + min + ", was " + value);
        }
    }

    private static void requireUrl(String option, String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new KooPhoneValidationException(option, "must be an http:// or https:// URL, was " + url);
        }
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getIamEndpoint() {
        return iamEndpoint;
    }

    public void setIamEndpoint(String iamEndpoint) {
        this.iamEndpoint = iamEndpoint;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isIgnoreSslVerification() {
        return ignoreSslVerification;
    }

    public void setIgnoreSslVerification(boolean ignoreSslVerification) {
        this.ignoreSslVerification = ignoreSslVerification;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public boolean isRetryNonIdempotent() {
        return retryNonIdempotent;
    }

    public void setRetryNonIdempotent(boolean retryNonIdempotent) {
        this.retryNonIdempotent = retryNonIdempotent;
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

    public int getPollConcurrency() {
        return pollConcurrency;
    }

    public void setPollConcurrency(int pollConcurrency) {
        this.pollConcurrency = pollConcurrency;
    }

    public int getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }
}
