package io.github.camelkoophone.examples.quarkus;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.examples.support.FleetCheck.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quarkus starts the application as {@code java -jar} would: the embedded simulator, Camel and the routes, which run
 * the fleet check at once. Only the exit at the end is left out in tests (see {@link FleetCheck#statuses}).
 */
@QuarkusTest
class FleetCheckTest {

    @Inject
    FleetCheck fleet;

    @Inject
    FleetTarget target;

    @Inject
    CamelContext camel;

    /** The outcome compares the run with the simulator: every call once, one event per job with the job's status. */
    @Test
    void theRoutesRunTheFleetCheckOnTheEmbeddedSimulator() throws Exception {
        // a safety net, not a measure: the run takes a few seconds
        Outcome outcome = fleet.outcome().get(60, TimeUnit.SECONDS);

        assertThat(target.simulator()).isPresent();
        assertThat(outcome.mismatches()).isEmpty();
        assertThat(outcome.summary().events()).hasSize(FleetTarget.SIMULATED_PHONES);
        assertThat(outcome.statuses()).extracting(s -> s.getInstanceId())
                .containsExactlyInAnyOrderElementsOf(target.simulator().get().inventory().ids());
    }

    /**
     * The component Camel uses is the CDI-produced one, and application.properties still configured it: what lets
     * camel.component.koophone.* (credentials, endpoint) reach it when the target is the real cloud.
     */
    @Test
    void theProducedComponentTakesTheApplicationProperties() {
        KooPhoneComponent component = camel.getComponent("koophone", KooPhoneComponent.class);

        assertThat(component.getConfiguration().getEndpoint()).isEqualTo(target.simulator().orElseThrow().url());
        assertThat(component.getConfiguration().getTaskTimeout()).isEqualTo(Duration.ofMinutes(5).toMillis());
    }
}
