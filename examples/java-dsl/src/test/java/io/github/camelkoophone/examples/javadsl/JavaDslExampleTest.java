package io.github.camelkoophone.examples.javadsl;

import io.github.camelkoophone.examples.support.FleetCheck;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaDslExampleTest {

    /** FleetCheck compares the run with the simulator: every call once, one event per job with the job's status. */
    @Test
    void theJavaRoutesRunTheFleetCheckOnTheEmbeddedSimulator() throws Exception {
        FleetCheck.Outcome outcome = FleetCheck.run(new Main());

        assertThat(outcome.mismatches()).isEmpty();
        assertThat(outcome.summary().events()).hasSize(FleetCheck.SIMULATED_PHONES);
        assertThat(outcome.statuses()).hasSize(FleetCheck.SIMULATED_PHONES);
    }
}
