package io.github.camelkoophone.component.cloud;

import java.util.List;

import io.github.camelkoophone.component.cloud.auth.Credentials;
import io.github.camelkoophone.component.cloud.call.RequestAssembler;
import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cloud.tasks.Tracking;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options every Huawei Cloud service component of this artifact shares: credentials (token, IAM password,
 * AK/SK), transport, retries and the task-following consumers'. {@code koophone:} and {@code cph:} extend it, so
 * both are configured the same way and authenticate, connect, retry and follow tasks through the same code. Each
 * subclass declares its own {@code endpoint} and {@code projectId} (their defaults, descriptions and whether they
 * are required differ).
 */
@UriParams
public abstract class CloudConfiguration implements Cloneable {

    public static final String DEFAULT_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";

    // --- authentication

    @UriParam(label = "security", secret = true,
              description = "A ready project-scoped IAM token, sent as X-Auth-Token. Takes precedence over the other credentials.")
    private String authToken;
    @UriParam(label = "security", secret = true, description = "IAM user name for password login.")
    private String username;
    @UriParam(label = "security", secret = true, description = "IAM user password for password login.")
    private String password;
    @UriParam(label = "security", description = "The account (domain) name of the IAM user.")
    private String domainName;
    @UriParam(label = "security", description = "The project (region) name the IAM token is scoped to, e.g. cn-north-4.")
    private String projectName;
    @UriParam(label = "security", defaultValue = DEFAULT_IAM_ENDPOINT, description = "The IAM base URL.")
    private String iamEndpoint = DEFAULT_IAM_ENDPOINT;
    @UriParam(label = "security", secret = true, description = "Access key id for AK/SK request signing (SDK-HMAC-SHA256).")
    private String accessKey;
    @UriParam(label = "security", secret = true, description = "Secret access key for AK/SK request signing.")
    private String secretKey;
    @UriParam(label = "security", secret = true,
              description = "Security token of temporary AK/SK credentials, sent as X-Security-Token.")
    private String securityToken;
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
    @UriParam(label = "consumer", defaultValue = "10",
              description = "The task-following consumer (koophone:tasks, cph:jobs): how many task queries one poll keeps in flight.")
    private int pollConcurrency = 10;
    @UriParam(label = "consumer", defaultValue = "5",
              description = "The task-following consumer (koophone:tasks, cph:jobs): how often an event whose exchange failed is offered again before it is given up (logged at WARN).")
    private int maxDeliveryAttempts = 5;

    @UriParam(label = "advanced", defaultValue = "adaptive", enums = "none,fixed,adaptive",
              description = "Client-side rate limiting of everything the component sends with one set of credentials, producers and consumers alike (producers first when both wait): none; fixed, at most maxRequestsPerSecond; adaptive, unlimited (or maxRequestsPerSecond) until the service answers 429, then a lower rate that rises again once the 429s stop. A call waits for the limiter at most requestTimeout, then fails with RateLimitedException. Component-wide: the component's value counts.")
    private String rateLimitMode = "adaptive";
    @UriParam(label = "advanced", defaultValue = "0",
              description = "The fixed rate in requests per second (rateLimitMode=fixed, where it is required), or the adaptive limiter's ceiling; 0: none.")
    private double maxRequestsPerSecond;
    @UriParam(label = "advanced", defaultValue = "0",
              description = "How many requests the limiter lets go at once after a quiet period; 0: one second's worth of the rate.")
    private int rateLimitBurst;
    @UriParam(label = "advanced", defaultValue = "500",
              description = "The component's retry budget: a retry spends 5 of it (10 after a timeout), a success gives 1 back. While it is spent, failures are not retried, so an outage costs about one request per call; 0 turns the budget off.")
    private int retryQuota = 500;
    @UriParam(label = "consumer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The task-following consumer (koophone:tasks, cph:jobs): the longest time between two checks of one task. A task is checked every delay while young, then at intervals of a tenth of its age up to this, so its events come at most max(delay, a tenth of its age, this) after it ended. Set it to delay to check every task at every poll.")
    private long maxPollInterval = 30_000;

    @UriParam(label = "advanced",
              description = "Where producers record the tasks they start and where the task-following consumers (koophone:tasks, cph:jobs) take the ones they follow, e.g. #kafkaTaskLog (camel-koophone-kafka) so that several nodes share them. By default the component's own memory: every consumer of the component follows every task its producers start.")
    @Metadata(autowired = false)
    private TaskLog taskLog;

    /** The service's base URL, no trailing slash needed. */
    public abstract String getEndpoint();

    /** The project id, or null: scopes an IAM token and is sent as X-Project-Id with AK/SK. */
    public abstract String getProjectId();

    /** How calls are assembled with these options (not an option itself). */
    public abstract RequestAssembler.Settings callSettings();

    /** How many calls of one split request are in flight at once (not an option itself). */
    public abstract int splitConcurrency();

    /** The options of the task-following consumer under the service's own names (not an option itself). */
    public abstract Tracking tracking();

    /** The credentials configured, as one value (not an option itself). */
    public Credentials credentials() {
        return new Credentials(authToken, accessKey, secretKey, securityToken, getProjectId(), username, password, domainName,
                projectName, iamEndpoint);
    }

    /**
     * Checks the shared option values that cannot be right whatever the operation, naming the option and the rule.
     */
    protected void validateCommon() {
        requireUrl("endpoint", getEndpoint());
        requireUrl("iamEndpoint", iamEndpoint);
        requireAtLeast("connectTimeout", connectTimeout, 1);
        requireAtLeast("requestTimeout", requestTimeout, 1);
        requireAtLeast("maxConnections", maxConnections, 1);
        requireAtLeast("maxRetries", maxRetries, 0);
        requireAtLeast("retryDelay", retryDelay, 0);
        requireAtLeast("maxRetryDelay", maxRetryDelay, retryDelay);
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new InvalidInputException("proxyPort", "must be between 1 and 65535, was " + proxyPort);
        }
        if (proxyPort != null && proxyHost == null) {
            throw new InvalidInputException("proxyHost", "is required when proxyPort is set");
        }
        requireAtLeast("pollConcurrency", pollConcurrency, 1);
        requireAtLeast("maxDeliveryAttempts", maxDeliveryAttempts, 1);
        requireAtLeast("maxPollInterval", maxPollInterval, 0);
        requireAtLeast("retryQuota", retryQuota, 0);
        requireAtLeast("rateLimitBurst", rateLimitBurst, 0);
        if (!(maxRequestsPerSecond >= 0)) {
            throw new InvalidInputException("maxRequestsPerSecond", "must be 0 or more, was " + maxRequestsPerSecond);
        }
        if (!List.of("none", "fixed", "adaptive").contains(rateLimitMode)) {
            throw new InvalidInputException("rateLimitMode", "must be none, fixed or adaptive, was " + rateLimitMode);
        }
        if ("fixed".equals(rateLimitMode) && maxRequestsPerSecond == 0) {
            throw new InvalidInputException("maxRequestsPerSecond", "is required (more than 0) with rateLimitMode=fixed");
        }
    }

    /** Checks the option values that cannot be right whatever the operation, naming the option and the rule. */
    public abstract void validate();

    protected static void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new InvalidInputException(option, "must be at least " + min + ", was " + value);
        }
    }

    protected static void requireUrl(String option, String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new InvalidInputException(option, "must be an http:// or https:// URL, was " + url);
        }
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

    public int getPollConcurrency() {
        return pollConcurrency;
    }

    public void setPollConcurrency(int pollConcurrency) {
        this.pollConcurrency = pollConcurrency;
    }

    public String getRateLimitMode() {
        return rateLimitMode;
    }

    public void setRateLimitMode(String rateLimitMode) {
        this.rateLimitMode = rateLimitMode;
    }

    public double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    public int getRateLimitBurst() {
        return rateLimitBurst;
    }

    public void setRateLimitBurst(int rateLimitBurst) {
        this.rateLimitBurst = rateLimitBurst;
    }

    public int getRetryQuota() {
        return retryQuota;
    }

    public void setRetryQuota(int retryQuota) {
        this.retryQuota = retryQuota;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public TaskLog getTaskLog() {
        return taskLog;
    }

    public void setTaskLog(TaskLog taskLog) {
        this.taskLog = taskLog;
    }

    public int getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }
}
