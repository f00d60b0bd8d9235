package io.github.camelkoophone.examples.springboot;

import java.util.Map;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded simulator starts only when no endpoint is configured, and never overrides configured values.
 */
class EmbeddedSimulatorTest {

    private final EmbeddedSimulator postProcessor = new EmbeddedSimulator(new DeferredLogs());

    @Test
    void aConfiguredEndpointMeansNoSimulator() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camel.component.koophone.endpoint", "https://koophone.myhuaweicloud.com");
        assertThat(postProcessor.start(environment)).isNull();
        assertThat(environment.getPropertySources().contains(EmbeddedSimulator.PROPERTY_SOURCE)).isFalse();
    }

    @Test
    void itCanBeSwitchedOff() {
        MockEnvironment environment = new MockEnvironment().withProperty("example.simulator.enabled", "false");
        assertThat(postProcessor.start(environment)).isNull();
    }

    @Test
    void otherwiseItIsTheTargetButConfiguredValuesWin() {
        MockEnvironment environment = new MockEnvironment().withProperty("example.simulator.instances", "4");
        environment.getPropertySources().addFirst(new MapPropertySource("explicit", Map.of("example.phones", "p1,p2")));
        try (KooPhoneSimulator simulator = postProcessor.start(environment)) {
            assertThat(simulator).isNotNull();
            assertThat(simulator.inventory().size()).isEqualTo(4);
            assertThat(environment.getProperty("camel.component.koophone.endpoint")).isEqualTo(simulator.url());
            assertThat(environment.getProperty("camel.component.koophone.username")).isEqualTo(KooPhoneSimulator.DEFAULT_USER);
            assertThat(environment.getProperty("example.phones")).isEqualTo("p1,p2");
        }
    }
}
