package io.github.camelkoophone.component.koophone;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelkoophone.component.koophone.api.RequestAssembler;
import io.github.camelkoophone.component.koophone.auth.Authenticator;
import io.github.camelkoophone.component.koophone.tasks.TaskRegistry;
import io.github.camelkoophone.component.koophone.transport.CallPipeline;
import io.github.camelkoophone.component.koophone.transport.HttpTransport;
import io.github.camelkoophone.component.koophone.transport.RetryPolicy;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code koophone:} component. Owns what endpoints share ({@link CloudClients}): the HTTP clients (normally
 * one), the authenticators with their token caches (one per credential set), and the timer and callback threads.
 */
@Component("koophone")
public class KooPhoneComponent extends HealthCheckComponent {

    @Metadata(description = "The shared configuration: every endpoint starts from a copy of it")
    private KooPhoneConfiguration configuration = new KooPhoneConfiguration();

    private final CloudClients clients = new CloudClients(this, "KooPhone");
    private final TaskRegistry taskRegistry = new TaskRegistry();

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
        clients.start(getCamelContext(), configuration.getMaxConnections());
        transport(configuration);
    }

    @Override
    protected void doStop() throws Exception {
        clients.stop();
        super.doStop();
    }

    /** The shared HTTP client for these transport options (one unless endpoints override proxy, TLS or pool). */
    HttpTransport transport(KooPhoneConfiguration c) {
        return clients.transport(c);
    }

    /** The shared authenticator (and token cache) for these credentials. */
    Authenticator authenticator(KooPhoneConfiguration c) {
        return clients.authenticator(c);
    }

    /** The call path for an endpoint's options: retries, authentication and logging around the shared transport. */
    OperationCaller newCaller(KooPhoneConfiguration c) {
        c.validate();
        CallPipeline pipeline = clients.pipeline(c);
        RequestAssembler assembler = new RequestAssembler(new RequestAssembler.Settings(c.getEndpoint(), c.getMaxBatchSize(),
                c.isValidateCommand(), c.getRequestTimeout()));
        return new OperationCaller(pipeline, assembler, c.getBatchConcurrency(), clients.worker());
    }

    RetryPolicy retryPolicy(KooPhoneConfiguration c) {
        return clients.retryPolicy(c);
    }

    /** Where producers register the tasks they start, for the koophone:tasks consumers. */
    public TaskRegistry taskRegistry() {
        return taskRegistry;
    }

    ScheduledExecutorService scheduler() {
        return clients.scheduler();
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
        clients.setClock(clock);
    }
}
