package io.github.camelkoophone.component.cph;

import java.time.Clock;
import java.util.Map;

import io.github.camelkoophone.component.koophone.CloudClients;
import io.github.camelkoophone.component.koophone.OperationCaller;
import io.github.camelkoophone.component.koophone.api.RequestAssembler;
import io.github.camelkoophone.component.koophone.tasks.TaskRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code cph:} component (Huawei Cloud Phone Host). Calls go through the same shared machinery as
 * {@code koophone:} ({@link CloudClients}: HTTP transport, authenticators and token caches, retries, threads);
 * only the operation catalogue ({@link CphOperation}) and the options differ.
 */
@Component("cph")
public class CphComponent extends HealthCheckComponent {

    /** Id lists longer than this are split into several calls. */
    static final int MAX_BATCH = 100;
    static final int BATCH_CONCURRENCY = 4;

    @Metadata(description = "The options every endpoint inherits (camel.component.cph.*)")
    private CphConfiguration configuration = new CphConfiguration();

    private final CloudClients clients = new CloudClients(this, "Cph");
    private final TaskRegistry jobRegistry = new TaskRegistry();

    public CphComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CphEndpoint endpoint = new CphEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        clients.start(getCamelContext(), configuration.getMaxConnections());
    }

    @Override
    protected void doStop() throws Exception {
        clients.stop();
        super.doStop();
    }

    /** The call path for an endpoint's options; fails, naming the option, when an option or the credentials are wrong. */
    OperationCaller newCaller(CphConfiguration c) {
        c.validate();
        RequestAssembler assembler = new RequestAssembler(new RequestAssembler.Settings(c.getEndpoint(), MAX_BATCH, true,
                c.getRequestTimeout(), Map.of("project_id", c.getProjectId())));
        return new OperationCaller(clients.pipeline(c), assembler, BATCH_CONCURRENCY, clients.worker());
    }

    /** Where restartCloudPhones registers its request ids, for the cph:jobs consumers. */
    public TaskRegistry jobRegistry() {
        return jobRegistry;
    }

    public CphConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The options every endpoint inherits.
     */
    public void setConfiguration(CphConfiguration configuration) {
        this.configuration = configuration;
    }

    /** For tests that need to move time (token expiry, signature dates). */
    public void setClock(Clock clock) {
        clients.setClock(clock);
    }
}
