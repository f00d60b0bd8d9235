package io.github.camelkoophone.component.cloud;

import java.util.Map;

import io.github.camelkoophone.component.cloud.auth.CredentialState;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * The health of an endpoint's producers: DOWN while the service refuses its credentials (the gateway's 401, IAM refusing the login),
 * UP otherwise, from before its first call. It reads what the calls of every endpoint with those credentials last
 * heard ({@link CredentialState}) and sends nothing of its own, as camel-kafka's producer check; so it turns UP
 * again with the next call the service answers. Other failures (an outage, a bad request) are the exchanges' to
 * report, not the producer's health.
 */
public final class ProducerHealthCheck implements HealthCheck {

    private static final String PRODUCERS = "producers";

    private final String id;
    private final CredentialState state;
    private final WritableHealthCheckRepository repository;
    private boolean enabled;

    private ProducerHealthCheck(String id, CredentialState state, WritableHealthCheckRepository repository, boolean enabled) {
        this.id = id;
        this.state = state;
        this.repository = repository;
        this.enabled = enabled;
    }

    /**
     * Adds the check of an endpoint's producers to the context's producer checks; null when the application has none
     * (no {@code camel-health}).
     */
    public static ProducerHealthCheck register(CloudEndpoint endpoint) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                PRODUCERS, WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        ProducerHealthCheck check = new ProducerHealthCheck("producer:" + endpoint.getEndpointBaseUri(),
                endpoint.credentialState(), repository, endpoint.getComponent().isHealthCheckProducerEnabled());
        repository.addHealthCheck(check);
        return check;
    }

    /** Removes the check of a stopping endpoint. */
    public static void unregister(ProducerHealthCheck check) {
        if (check != null) {
            check.repository.removeHealthCheck(check);
        }
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        // a refused credential is fixed by configuration, not by restarting the application
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        CredentialState.Refusal refusal = state.refusal();
        if (refusal == null) {
            return builder.up().build();
        }
        return builder.down().message("The service refuses the credentials: " + refusal.reason())
                .detail(FAILURE_START_TIME, refusal.since().toString()).build();
    }
}
