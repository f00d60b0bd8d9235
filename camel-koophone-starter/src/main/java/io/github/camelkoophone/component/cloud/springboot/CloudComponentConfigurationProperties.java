package io.github.camelkoophone.component.cloud.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.convert.DurationUnit;

/**
 * The options the {@code koophone} and {@code cph} components share (credentials, transport, retries, traffic,
 * task following), with the components' names, defaults and descriptions; each service's properties class adds its
 * own. The drift tests check both against their component's JSON.
 */
public abstract class CloudComponentConfigurationProperties extends ComponentConfigurationPropertiesCommon {

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if
     * possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes,
     * will now be processed as a message and handled by the routing Error Handler. Important: This is only
     * possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some
     * components handle this internally only, and therefore bridgeErrorHandler is not possible. In other
     * situations we may improve the Camel component to hook into the 3rd party component and make this
     * possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR
     * level and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * The task-following consumer (koophone:tasks, cph:jobs): how often an event whose exchange failed is offered
     * again before it is given up (logged at WARN).
     */
    private Integer maxDeliveryAttempts = 5;

    /**
     * The task-following consumer (koophone:tasks, cph:jobs): how many task queries one poll keeps in flight.
     */
    private Integer pollConcurrency = 10;

    /**
     * The task-following consumer (koophone:tasks, cph:jobs): the longest time between two checks of one task. A
     * task is checked every delay while young, then at intervals of a tenth of its age up to this, so its events
     * come at most max(delay, a tenth of its age, this) after it ended. Set it to delay to check every task at
     * every poll. A duration: milliseconds, or a value such as 500ms, 10s, 5m or PT1H.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration maxPollInterval = Duration.ofSeconds(30);

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use
     * this to allow CamelContext and routes to startup in situations where a producer may otherwise fail
     * during starting and cause the route to fail being started. By deferring this startup to be lazy then
     * the startup failure can be handled during routing messages via Camel's routing error handlers.
     * Beware that when the first message is processed then creating and starting the producer may take a
     * little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Retries after a 429, 502, 503, 504 or connection failure (0 disables retries).
     */
    private Integer maxRetries = 3;

    /**
     * Upper bound of a retry delay, Retry-After included. A duration: milliseconds, or a value such as
     * 500ms, 10s, 5m or PT1H.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration maxRetryDelay = Duration.ofSeconds(30);

    /**
     * First retry delay; doubled on each retry, with jitter. A duration: milliseconds, or a value such as
     * 500ms, 10s, 5m or PT1H.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryDelay = Duration.ofMillis(500);

    /**
     * Also retry state-changing operations after a failure where the request may have reached the server
     * (HTTP 500, read timeout, dropped connection). Off by default so a reset or command never runs twice
     * behind your back.
     */
    private Boolean retryNonIdempotent = false;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be
     * marked as autowired) by looking up in the registry to find if there is a single instance of matching
     * type, which then gets configured on the component. This can be used for automatic configuring JDBC
     * data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Timeout to establish a connection. A duration: milliseconds, or a value such as 500ms, 10s, 5m or
     * PT1H.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Maximum pooled HTTP connections per component (and per host).
     */
    private Integer maxConnections = 100;

    /**
     * Timeout for one HTTP attempt, from sending the request to the last byte of the response. A duration:
     * milliseconds, or a value such as 500ms, 10s, 5m or PT1H.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration requestTimeout = Duration.ofSeconds(30);

    /**
     * Client-side rate limiting of everything the component sends with one set of credentials, producers and
     * consumers alike (producers first when both wait): none; fixed, at most maxRequestsPerSecond; adaptive,
     * unlimited (or maxRequestsPerSecond) until the service answers 429, then a lower rate that rises again once the
     * 429s stop. A call waits for the limiter at most requestTimeout, then fails with RateLimitedException.
     * Component-wide: the component's value counts.
     */
    private String rateLimitMode = "adaptive";

    /**
     * The fixed rate in requests per second (rateLimitMode=fixed, where it is required), or the adaptive limiter's
     * ceiling; 0: none.
     */
    private Double maxRequestsPerSecond = 0d;

    /**
     * How many requests the limiter lets go at once after a quiet period; 0: one second's worth of the rate.
     */
    private Integer rateLimitBurst = 0;

    /**
     * The component's retry budget: a retry spends 5 of it (10 after a timeout), a success gives 1 back. While it is
     * spent, failures are not retried, so an outage costs about one request per call; 0 turns the budget off.
     */
    private Integer retryQuota = 500;

    /**
     * Where producers record the tasks they start and where the task-following consumers (koophone:tasks,
     * cph:jobs) take the ones they follow, e.g. #kafkaTaskLog (camel-koophone-kafka) so that several nodes
     * share them. By default the component's own memory: every consumer of the component follows every task
     * its producers start. The option is a io.github.camelkoophone.component.cloud.tasks.TaskLog type: refer
     * to a bean as #bean:name.
     */
    private TaskLog taskLog;

    /**
     * Used for enabling or disabling all consumer based health checks from this component.
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel
     * has by default disabled all producer based health-checks. You can turn on producer checks globally
     * by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * HTTP proxy host.
     */
    private String proxyHost;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * Access key id for AK/SK request signing (SDK-HMAC-SHA256). This is a secret: actuator /env and
     * /configprops mask it.
     */
    private String accessKey;

    /**
     * A ready project-scoped IAM token, sent as X-Auth-Token. Takes precedence over the other credentials.
     * This is a secret: actuator /env and /configprops mask it.
     */
    private String authToken;

    /**
     * The account (domain) name of the IAM user.
     */
    private String domainName;

    /**
     * The IAM base URL.
     */
    private String iamEndpoint = "https://iam.myhuaweicloud.com";

    /**
     * Trust any certificate and host name. For tests only: a warning is logged.
     */
    private Boolean ignoreSslVerification = false;

    /**
     * IAM user password for password login. This is a secret: actuator /env and /configprops mask it.
     */
    private String password;

    /**
     * The project (region) name the IAM token is scoped to, e.g. cn-north-4.
     */
    private String projectName;

    /**
     * Secret access key for AK/SK request signing. This is a secret: actuator /env and /configprops mask
     * it.
     */
    private String secretKey;

    /**
     * Security token of temporary AK/SK credentials, sent as X-Security-Token. This is a secret: actuator
     * /env and /configprops mask it.
     */
    private String securityToken;

    /**
     * TLS configuration (trust store, key store, protocols). The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type: refer to a bean as #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * IAM user name for password login. This is a secret: actuator /env and /configprops mask it.
     */
    private String username;

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }
    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }
    public void setMaxDeliveryAttempts(Integer maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    public Integer getPollConcurrency() {
        return pollConcurrency;
    }
    public void setPollConcurrency(Integer pollConcurrency) {
        this.pollConcurrency = pollConcurrency;
    }

    public Duration getMaxPollInterval() {
        return maxPollInterval;
    }
    public void setMaxPollInterval(Duration maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }
    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }
    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }
    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }
    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Boolean getRetryNonIdempotent() {
        return retryNonIdempotent;
    }
    public void setRetryNonIdempotent(Boolean retryNonIdempotent) {
        this.retryNonIdempotent = retryNonIdempotent;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }
    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }
    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getRateLimitMode() {
        return rateLimitMode;
    }
    public void setRateLimitMode(String rateLimitMode) {
        this.rateLimitMode = rateLimitMode;
    }

    public Double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }
    public void setMaxRequestsPerSecond(Double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    public Integer getRateLimitBurst() {
        return rateLimitBurst;
    }
    public void setRateLimitBurst(Integer rateLimitBurst) {
        this.rateLimitBurst = rateLimitBurst;
    }

    public Integer getRetryQuota() {
        return retryQuota;
    }
    public void setRetryQuota(Integer retryQuota) {
        this.retryQuota = retryQuota;
    }

    public TaskLog getTaskLog() {
        return taskLog;
    }
    public void setTaskLog(TaskLog taskLog) {
        this.taskLog = taskLog;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }
    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }
    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
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

    public String getAccessKey() {
        return accessKey;
    }
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getAuthToken() {
        return authToken;
    }
    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getDomainName() {
        return domainName;
    }
    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public String getIamEndpoint() {
        return iamEndpoint;
    }
    public void setIamEndpoint(String iamEndpoint) {
        this.iamEndpoint = iamEndpoint;
    }

    public Boolean getIgnoreSslVerification() {
        return ignoreSslVerification;
    }
    public void setIgnoreSslVerification(Boolean ignoreSslVerification) {
        this.ignoreSslVerification = ignoreSslVerification;
    }

    public String getPassword() {
        return password;
    }
    public void setPassword(String password) {
        this.password = password;
    }

    public String getProjectName() {
        return projectName;
    }
    public void setProjectName(String projectName) {
        this.projectName = projectName;
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

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getUsername() {
        return username;
    }
    public void setUsername(String username) {
        this.username = username;
    }
}
