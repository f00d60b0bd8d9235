package io.github.camelkoophone.component.koophone;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.camelkoophone.component.koophone.api.RequestAssembler;
import io.github.camelkoophone.component.koophone.auth.AuthInterceptor;
import io.github.camelkoophone.component.koophone.auth.Authenticator;
import io.github.camelkoophone.component.koophone.auth.Authenticators;
import io.github.camelkoophone.component.koophone.tasks.TaskRegistry;
import io.github.camelkoophone.component.koophone.transport.CallPipeline;
import io.github.camelkoophone.component.koophone.transport.HttpTransport;
import io.github.camelkoophone.component.koophone.transport.LoggingInterceptor;
import io.github.camelkoophone.component.koophone.transport.RetryInterceptor;
import io.github.camelkoophone.component.koophone.transport.RetryPolicy;
import io.github.camelkoophone.component.koophone.transport.TransportSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.IOHelper;

/**
 * The {@code koophone:} component. Owns what endpoints share: the HTTP clients (normally one), the
 * authenticators with their token caches (one per credential set), and the timer and callback threads.
 */
@Component("koophone")
public class KooPhoneComponent extends HealthCheckComponent {

    @Metadata(description = "The options every endpoint inherits (camel.component.koophone.*)")
    private KooPhoneConfiguration configuration = new KooPhoneConfiguration();

    private final Map<TransportSettings, HttpTransport> transports = new ConcurrentHashMap<>();
    private final Map<Object, Authenticator> authenticators = new ConcurrentHashMap<>();
    private final TaskRegistry taskRegistry = new TaskRegistry();
    private ScheduledExecutorService scheduler;
    private ExecutorService worker;
    private Clock clock = Clock.systemUTC();

    public KooPhoneComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KooPhoneConfiguration endpointConfiguration = configuration.copy();
        KooPhoneEndpoint endpoint = new KooPhoneEndpoint(uri, this, remaining, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ScheduledExecutorService timer = getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "KooPhoneTimer");
        scheduler = timer;
        // calls block their thread; this pool runs the ones that must run side by side (fan-out, retries after a
        // delay, consumer polls): no queue, so a busy pool makes the caller run the call itself
        worker = getCamelContext().getExecutorServiceManager().newThreadPool(this, "KooPhoneWorker",
                new ThreadPoolProfileBuilder("KooPhoneWorker").poolSize(2).maxPoolSize(configuration.getMaxConnections())
                        .maxQueueSize(0).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
        transport(configuration);
    }

    @Override
    protected void doStop() throws Exception {
        transports.values().forEach(IOHelper::close);
        transports.clear();
        authenticators.clear();
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
            scheduler = null;
        }
        if (worker != null) {
            getCamelContext().getExecutorServiceManager().shutdown(worker);
            worker = null;
        }
        super.doStop();
    }

    /** The shared HTTP client for these transport options (one unless endpoints override proxy, TLS or pool). */
    HttpTransport transport(KooPhoneConfiguration c) {
        TransportSettings settings = new TransportSettings(c.getConnectTimeout(), c.getMaxConnections(), c.getProxyHost(),
                c.getProxyPort(), c.getSslContextParameters(), c.isIgnoreSslVerification());
        return transports.computeIfAbsent(settings, s -> new HttpTransport(s, sslContext(s), scheduler));
    }

    private SSLContext sslContext(TransportSettings settings) {
        if (settings.sslContextParameters() == null) {
            return null;
        }
        try {
            return settings.sslContextParameters().createSSLContext(getCamelContext());
        } catch (Exception e) {
            throw new IllegalArgumentException("sslContextParameters: cannot create an SSLContext: " + e.getMessage(), e);
        }
    }

    /** The shared authenticator (and token cache) for these credentials. */
    Authenticator authenticator(KooPhoneConfiguration c) {
        return authenticators.computeIfAbsent(Authenticators.key(c), key -> {
            CallPipeline iam = new CallPipeline(
                    List.of(new RetryInterceptor(retryPolicy(c), scheduler, worker), new LoggingInterceptor()), transport(c));
            return Authenticators.create(c, iam, clock);
        });
    }

    /** The call path for an endpoint's options: retries, authentication and logging around the shared transport. */
    OperationCaller newCaller(KooPhoneConfiguration c) {
        c.validate();
        Authenticators.validate(c);
        CallPipeline pipeline = new CallPipeline(List.of(
                new RetryInterceptor(retryPolicy(c), scheduler, worker),
                new AuthInterceptor(authenticator(c)),
                new LoggingInterceptor()), transport(c));
        RequestAssembler assembler = new RequestAssembler(new RequestAssembler.Settings(c.getEndpoint(), c.getMaxBatchSize(),
                c.isValidateCommand(), c.getRequestTimeout()));
        return new OperationCaller(pipeline, assembler, c.getBatchConcurrency(), worker);
    }

    RetryPolicy retryPolicy(KooPhoneConfiguration c) {
        return new RetryPolicy(c.getMaxRetries(), c.getRetryDelay(), c.getMaxRetryDelay(), c.isRetryNonIdempotent());
    }

    /** Where producers register the tasks they start, for the koophone:tasks consumers. */
    public TaskRegistry taskRegistry() {
        return taskRegistry;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }



    public KooPhoneConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The options every endpoint inherits.
     */
    public void setConfiguration(KooPhoneConfiguration configuration) {
        this.configuration = configuration;
    }

    /** For tests that need to move time (token expiry, signature dates). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
