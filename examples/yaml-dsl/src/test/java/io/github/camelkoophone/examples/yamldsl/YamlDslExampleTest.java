package io.github.camelkoophone.examples.yamldsl;

import io.github.camelkoophone.examples.support.FleetCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlDslExampleTest {

    @Test
    void yamlRoutesRunTheFleetCheckOnTheEmbeddedSimulator() throws Exception {
        FleetCheck.Outcome outcome = YamlDslExample.run();

        assertThat(outcome.mismatches()).isEmpty();
        assertThat(outcome.summary().events()).hasSize(FleetCheck.SIMULATED_PHONES);
        assertThat(outcome.summary().counts().keySet()).isSubsetOf(
                "asyncCommand SUCCEEDED", "asyncCommand FAILED", "batchReset SUCCEEDED", "batchReset FAILED");
        assertThat(outcome.statuses()).hasSize(FleetCheck.SIMULATED_PHONES);
    }
}
