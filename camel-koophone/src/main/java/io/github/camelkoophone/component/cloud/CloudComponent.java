package io.github.camelkoophone.component.cloud;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.tasks.LocalTaskLog;
import io.github.camelkoophone.component.cloud.telemetry.Telemetry;
import org.apache.camel.Endpoint;
import org.apache.camel.support.HealthCheckComponent;

/**
 * A Huawei Cloud service's component: owns what its endpoints share ({@link CloudClients}: the HTTP clients, the
 * authenticators with their token caches, the timer and worker threads) and the registry its producers register
 * started tasks with. A service's component names its configuration class, its catalogue and its endpoint; the
 * lifecycle is here.
 */
public abstract class CloudComponent extends HealthCheckComponent implements Telemetry.Source {

    private final List<? extends ApiOperation> catalogue;
    private final CloudClients clients;
    private final LocalTaskLog localTaskLog;

    /**
     * @param catalogue      every operation of the service, planned when an endpoint first calls one
     * @param trackingOption the option that turns off registering started tasks ({@code trackTasks})
     */
    protected CloudComponent(CloudService service, List<? extends ApiOperation> catalogue, String trackingOption) {
        this.catalogue = List.copyOf(catalogue);
        this.clients = new CloudClients(this, service);
        this.localTaskLog = new LocalTaskLog(trackingOption, () -> clients.clock().millis());
    }

    /** The options every endpoint starts from. */
    public abstract CloudConfiguration getConfiguration();

    /** An endpoint for {@code remaining} (its path) with a copy of the component's options. */
    protected abstract CloudEndpoint newEndpoint(String uri, String remaining);

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CloudEndpoint endpoint = newEndpoint(uri, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        clients.start(getCamelContext(), getConfiguration().getMaxConnections());
        clients.transport(getConfiguration());
        if (getConfiguration().getTaskLog() != null) {
            // a bean of the registry, maybe shared by both components: the context starts it once and stops it last
            getCamelContext().addService(getConfiguration().getTaskLog(), true, true);
        }
    }

    @Override
    protected void doStop() throws Exception {
        clients.stop();
        super.doStop();
    }

    /** The operations of the service. */
    public List<? extends ApiOperation> catalogue() {
        return catalogue;
    }

    /** How an endpoint with these options calls the service; fails, naming the option, when one is wrong. */
    OperationCaller newCaller(CloudConfiguration c) {
        try {
            c.validate();
            // the rate limit and the retry budget are the component's, shared by its endpoints
            return clients.caller(c, getConfiguration(), catalogue);
        } catch (InvalidInputException e) {
            throw e.inComponent(getDefaultName());
        }
    }

    /** What the endpoints share: for the dev console and the endpoints' health. */
    CloudClients clients() {
        return clients;
    }

    /** The component's meters and its last failed calls. */
    @Override
    public Telemetry telemetry() {
        return clients.telemetry();
    }

    /** The task log of endpoints that name none: the component's own memory. */
    public LocalTaskLog localTaskLog() {
        return localTaskLog;
    }

    /**
     * The clock token expiry, signature dates and the task-following consumers' ages follow, for tests that move time
     * (not a component option).
     */
    public void useClock(Clock clock) {
        clients.setClock(clock);
    }

    /** The clock of {@link #useClock}, the system's by default. */
    public Clock clock() {
        return clients.clock();
    }
}
