package io.github.camelkoophone.examples.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example as it runs with no endpoint configured: the embedded simulator, commands every second, their job
 * events on the task-events route, and an UP {@code /actuator/health} listing the Camel consumers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "example.period=1s",
        "example.simulator.task-duration=300ms",
        "example.simulator.failure-rate=0" })
class KooPhoneExampleApplicationTest {

    @Autowired
    CamelContext camel;
    @Autowired
    KooPhoneSimulator simulator;
    @Autowired
    TestRestTemplate http;

    @Test
    void theEmbeddedSimulatorIsTheTargetAndTaskEventsFlow() {
        KooPhoneComponent component = camel.getComponent("koophone", KooPhoneComponent.class);
        assertThat(component.getConfiguration().getEndpoint()).isEqualTo(simulator.url());
        assertThat(component.getConfiguration().getRequestTimeout()).as("from application.yaml").isEqualTo(15_000);

        NotifyBuilder events = new NotifyBuilder(camel).fromRoute("task-events").whenCompleted(3).create();
        assertThat(events.matches(30, TimeUnit.SECONDS)).as("3 job events").isTrue();
        assertThat(simulator.journal().count("asyncCommand")).isPositive();
        assertThat(simulator.journal().entries("asyncCommand")).allMatch(e -> "token".equals(e.auth()));
        assertThat(simulator.journal().count("iamToken")).as("one IAM login, then the cached token").isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void actuatorHealthIsUpWithTheCamelConsumers() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody()).containsEntry("status", "UP");
            Map<String, Object> camelHealth = (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components"))
                    .get("camelHealth");
            assertThat(camelHealth).containsEntry("status", "UP");
            assertThat((Map<String, Object>) camelHealth.get("details"))
                    .containsEntry("consumer:task-events", "UP")
                    .containsEntry("consumer:instance-status", "UP")
                    .containsEntry("producer:koophone://asyncCommand", "UP");
        });
        assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @SuppressWarnings("unchecked")
    void actuatorMetricsShowTheComponentsRequestsAndEvents() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<Map> requests = http.getForEntity("/actuator/metrics/koophone.requests?tag=operation:asyncCommand", Map.class);
            assertThat(requests.getStatusCode()).isEqualTo(HttpStatus.OK);
            List<Map<String, Object>> measurements = (List<Map<String, Object>>) requests.getBody().get("measurements");
            assertThat(measurements).filteredOn(m -> "COUNT".equals(m.get("statistic")))
                    .singleElement().satisfies(m -> assertThat(((Number) m.get("value")).doubleValue()).isPositive());

            ResponseEntity<Map> events = http.getForEntity("/actuator/metrics/koophone.events?tag=outcome:delivered", Map.class);
            assertThat(events.getStatusCode()).isEqualTo(HttpStatus.OK);
        });
        assertThat(http.getForEntity("/actuator/metrics/koophone.tasks.pending", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
