package io.github.camelkoophone.component.cloud;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.auth.AuthInterceptor;
import io.github.camelkoophone.component.cloud.auth.Authenticator;
import io.github.camelkoophone.component.cloud.auth.Authenticators;
import io.github.camelkoophone.component.cloud.auth.CredentialState;
import io.github.camelkoophone.component.cloud.auth.Credentials;
import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.call.Attempts;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.call.RequestAssembler;
import io.github.camelkoophone.component.cloud.call.ResponseReader;
import io.github.camelkoophone.component.cloud.http.CallChain;
import io.github.camelkoophone.component.cloud.http.HttpTransport;
import io.github.camelkoophone.component.cloud.http.Interceptor;
import io.github.camelkoophone.component.cloud.http.LoggingInterceptor;
import io.github.camelkoophone.component.cloud.http.RetryPolicy;
import io.github.camelkoophone.component.cloud.http.TransportSettings;
import io.github.camelkoophone.component.cloud.telemetry.Meters;
import io.github.camelkoophone.component.cloud.telemetry.Telemetry;
import io.github.camelkoophone.component.cloud.traffic.RateLimiter;
import io.github.camelkoophone.component.cloud.traffic.RetryQuota;
import io.github.camelkoophone.component.cloud.traffic.Traffic;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * What a component's endpoints share: the HTTP clients (normally one), the authenticators with their token caches,
 * the rate limiters and retry budgets and what the service last said of the credentials (one each per credential
 * set), the telemetry, and the timer and worker threads. Each component owns one, started and stopped with it,
 * and builds every endpoint's {@link OperationCaller} from it.
 */
public final class CloudClients {

    private final Map<TransportSettings, HttpTransport> transports = new ConcurrentHashMap<>();
    private final Map<Credentials, Authenticator> authenticators = new ConcurrentHashMap<>();
    private final Map<Credentials, Traffic> traffic = new ConcurrentHashMap<>();
    private final Map<Credentials, CredentialState> credentialStates = new ConcurrentHashMap<>();
    private final Object owner;
    private final CloudService service;
    private CamelContext context;
    private ScheduledExecutorService scheduler;
    private ExecutorService worker;
    private Clock clock = Clock.systemUTC();
    private Telemetry telemetry = Telemetry.none();

    /** @param owner the component, which owns the threads */
    public CloudClients(Object owner, CloudService service) {
        this.owner = owner;
        this.service = service;
    }

    public void start(CamelContext context, int maxConnections) {
        this.context = context;
        String prefix = service.name();
        telemetry = Telemetry.discover(context, prefix.toLowerCase(Locale.ROOT));
        scheduler = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(owner, prefix + "Timer");
        // calls block their thread; this pool runs the ones that must run side by side (fan-out, retries after a
        // delay, consumer polls): no queue, so a busy pool makes the caller run the call itself
        worker = context.getExecutorServiceManager().newThreadPool(owner, prefix + "Worker",
                new ThreadPoolProfileBuilder(prefix + "Worker").poolSize(2).maxPoolSize(maxConnections)
                        .maxQueueSize(0).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }

    public void stop() {
        transports.values().forEach(IOHelper::close);
        transports.clear();
        authenticators.clear();
        traffic.clear();
        credentialStates.clear();
        if (scheduler != null) {
            context.getExecutorServiceManager().shutdown(scheduler);
            scheduler = null;
        }
        if (worker != null) {
            context.getExecutorServiceManager().shutdown(worker);
            worker = null;
        }
    }

    /** The shared HTTP client for these transport options (one unless endpoints override proxy, TLS or pool). */
    public HttpTransport transport(CloudConfiguration c) {
        TransportSettings settings = new TransportSettings(c.getConnectTimeout(), c.getMaxConnections(), c.getProxyHost(),
                c.getProxyPort(), c.getSslContextParameters(), c.isIgnoreSslVerification());
        return transports.computeIfAbsent(settings, s -> new HttpTransport(s, sslContext(s), scheduler));
    }

    private SSLContext sslContext(TransportSettings settings) {
        if (settings.sslContextParameters() == null) {
            return null;
        }
        try {
            return settings.sslContextParameters().createSSLContext(context);
        } catch (Exception e) {
            throw new IllegalArgumentException("sslContextParameters: cannot create an SSLContext: " + e.getMessage(), e);
        }
    }

    /** The shared authenticator (and token cache) for these credentials. */
    Authenticator authenticator(CloudConfiguration c) {
        return authenticators.computeIfAbsent(c.credentials(), credentials -> Authenticators.create(credentials, c.getRequestTimeout(),
                // IAM is another service, with a quota of its own: logins are neither limited nor budgeted here
                new Attempts(chain(Meters.LOGINS, null, c), retryPolicy(c), Traffic.NONE, scheduler, worker),
                clock, service));
    }

    /**
     * How an endpoint with these options calls the service: the catalogue's request plans, authentication and
     * logging around the shared transport, retries, the response reader.
     *
     * @param component the component's options, whose rate limit and retry budget every endpoint with the same
     *                  credentials shares
     */
    public OperationCaller caller(CloudConfiguration c, CloudConfiguration component,
                                  Collection<? extends ApiOperation> catalogue) {
        Authenticators.validate(c.credentials());
        Interceptor auth = new AuthInterceptor(authenticator(c), credentialState(c));
        return new OperationCaller(new Attempts(chain(Meters.REQUESTS, auth, c), retryPolicy(c),
                traffic(c.credentials(), component), scheduler, worker, telemetry.meters()),
                new RequestAssembler(c.callSettings(), catalogue), new ResponseReader(service), c.splitConcurrency(), worker,
                telemetry);
    }

    /** Authentication (when given), the meter (when metrics are recorded), logging, the transport. */
    private CallChain chain(String meter, Interceptor auth, CloudConfiguration c) {
        List<Interceptor> interceptors = new ArrayList<>(3);
        if (auth != null) {
            interceptors.add(auth);
        }
        Interceptor timed = telemetry.meters().requests(meter, ResponseReader::envelopeErrorCode);
        if (timed != null) {
            interceptors.add(timed);
        }
        interceptors.add(new LoggingInterceptor());
        return new CallChain(interceptors, transport(c));
    }

    /** What the service last said about the credentials of these options. */
    public CredentialState credentialState(CloudConfiguration c) {
        return credentialStates.computeIfAbsent(c.credentials(), key -> new CredentialState());
    }

    /** When the IAM token of these options' credentials expires; null when none is held or it is not a token's. */
    public Instant tokenExpiry(CloudConfiguration c) {
        Authenticator authenticator = authenticators.get(c.credentials());
        return authenticator != null ? authenticator.tokenExpiry() : null;
    }

    /** The rate limiter and retry budget of these options' credentials, once an endpoint has called with them. */
    public Traffic trafficOf(CloudConfiguration c) {
        return traffic.get(c.credentials());
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    /** The rate limiter and retry budget of these credentials: one each per component and credential set. */
    private Traffic traffic(Credentials credentials, CloudConfiguration component) {
        return traffic.computeIfAbsent(credentials, key -> new Traffic(
                new RateLimiter(RateLimiter.Mode.of(component.getRateLimitMode()), component.getMaxRequestsPerSecond(),
                        component.getRateLimitBurst(), RateLimiter.Ticker.SYSTEM),
                new RetryQuota(component.getRetryQuota())));
    }

    static RetryPolicy retryPolicy(CloudConfiguration c) {
        return new RetryPolicy(c.getMaxRetries(), c.getRetryDelay(), c.getMaxRetryDelay(), c.isRetryNonIdempotent());
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }
}
