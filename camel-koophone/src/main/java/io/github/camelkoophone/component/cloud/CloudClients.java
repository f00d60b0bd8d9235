package io.github.camelkoophone.component.koophone;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.camelkoophone.component.koophone.auth.AuthInterceptor;
import io.github.camelkoophone.component.koophone.auth.Authenticator;
import io.github.camelkoophone.component.koophone.auth.Authenticators;
import io.github.camelkoophone.component.koophone.transport.CallPipeline;
import io.github.camelkoophone.component.koophone.transport.HttpTransport;
import io.github.camelkoophone.component.koophone.transport.LoggingInterceptor;
import io.github.camelkoophone.component.koophone.transport.RetryInterceptor;
import io.github.camelkoophone.component.koophone.transport.RetryPolicy;
import io.github.camelkoophone.component.koophone.transport.TransportSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * What a component's endpoints share, whichever service they call: the HTTP clients (normally one), the
 * authenticators with their token caches (one per credential set), and the timer and worker threads. Each
 * component ({@code koophone:}, {@code cph:}) owns one, started and stopped with it.
 */
public final class CloudClients {

    private final Map<TransportSettings, HttpTransport> transports = new ConcurrentHashMap<>();
    private final Map<Object, Authenticator> authenticators = new ConcurrentHashMap<>();
    private final Object owner;
    private final String threadPrefix;
    private CamelContext context;
    private ScheduledExecutorService scheduler;
    private ExecutorService worker;
    private Clock clock = Clock.systemUTC();

    /**
     * @param owner        the component, which owns the threads
     * @param threadPrefix thread names start with it ({@code KooPhone}, {@code Cph})
     */
    public CloudClients(Object owner, String threadPrefix) {
        this.owner = owner;
        this.threadPrefix = threadPrefix;
    }

    public void start(CamelContext context, int maxConnections) {
        this.context = context;
        scheduler = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(owner, threadPrefix + "Timer");
        // calls block their thread; this pool runs the ones that must run side by side (fan-out, retries after a
        // delay, consumer polls): no queue, so a busy pool makes the caller run the call itself
        worker = context.getExecutorServiceManager().newThreadPool(owner, threadPrefix + "Worker",
                new ThreadPoolProfileBuilder(threadPrefix + "Worker").poolSize(2).maxPoolSize(maxConnections)
                        .maxQueueSize(0).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }

    public void stop() {
        transports.values().forEach(IOHelper::close);
        transports.clear();
        authenticators.clear();
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
    public Authenticator authenticator(CloudConfiguration c) {
        return authenticators.computeIfAbsent(Authenticators.key(c), key -> {
            CallPipeline iam = new CallPipeline(
                    List.of(new RetryInterceptor(retryPolicy(c), scheduler, worker), new LoggingInterceptor()), transport(c));
            return Authenticators.create(c, iam, clock);
        });
    }

    /** Retries, authentication and logging around the shared transport, for these options. */
    public CallPipeline pipeline(CloudConfiguration c) {
        Authenticators.validate(c);
        return new CallPipeline(List.of(
                new RetryInterceptor(retryPolicy(c), scheduler, worker),
                new AuthInterceptor(authenticator(c)),
                new LoggingInterceptor()), transport(c));
    }

    public RetryPolicy retryPolicy(CloudConfiguration c) {
        return new RetryPolicy(c.getMaxRetries(), c.getRetryDelay(), c.getMaxRetryDelay(), c.isRetryNonIdempotent());
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public ExecutorService worker() {
        return worker;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
