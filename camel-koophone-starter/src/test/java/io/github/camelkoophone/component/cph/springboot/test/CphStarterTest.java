package io.github.camelkoophone.component.cph.springboot.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkoophone.component.cph.CphComponent;
import io.github.camelkoophone.component.cph.CphConfiguration;
import io.github.camelkoophone.component.cph.CphConstants;
import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application whose {@code cph} component is configured only by {@code camel.component.cph.*}, against
 * the simulator's CPH mode: a restart's job events arrive on {@code cph:jobs}, and the consumer's health is in the
 * actuator's health.
 */
@SpringBootTest(classes = CphStarterTest.App.class, properties = {
        "camel.component.cph.max-retries=1",
        "camel.component.cph.retry-delay=50ms",
        "camel.component.cph.job-timeout=2m",
        "camel.component.cph.rate-limit-mode=none",
        "camel.health.exposure-level=full",
        "management.endpoint.health.show-details=always" })
@DirtiesContext
class CphStarterTest {

    /** Stopped with the application context (a bean below), after Camel. */
    static final KooPhoneSimulator SIM = KooPhoneSimulator.builder().port(0).taskDuration(Duration.ofMillis(200)).start();
    static final List<Exchange> EVENTS = new CopyOnWriteArrayList<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        KooPhoneSimulator simulator() {
            return SIM;
        }

        @Bean
        RouteBuilder jobEvents() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("cph:jobs?delay=100&initialDelay=0").routeId("cph-jobs").process(exchange -> EVENTS.add(exchange.copy()));
                }
            };
        }
    }

    @DynamicPropertySource
    static void cph(DynamicPropertyRegistry registry) {
        registry.add("camel.component.cph.endpoint", SIM::url);
        registry.add("camel.component.cph.iam-endpoint", SIM::url);
        registry.add("camel.component.cph.project-id", SIM::projectId);
        registry.add("camel.component.cph.auth-token", SIM::staticToken);
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    HealthEndpoint health;

    @Test
    void theComponentIsConfiguredFromTheProperties() {
        CphConfiguration c = camelContext.getComponent("cph", CphComponent.class).getConfiguration();
        assertThat(c.getEndpoint()).isEqualTo(SIM.url());
        assertThat(c.getProjectId()).isEqualTo(SIM.projectId());
        assertThat(c.getAuthToken()).isEqualTo(SIM.staticToken());
        assertThat(c.getMaxRetries()).isEqualTo(1);
        assertThat(c.getRetryDelay()).isEqualTo(50);
        assertThat(c.getJobTimeout()).isEqualTo(120_000);
        assertThat(c.getRateLimitMode()).isEqualTo("none");
        assertThat(c.getRequestTimeout()).as("untouched default").isEqualTo(30_000);
    }

    @Test
    void restartCloudPhonesStartsARequestWhoseJobEventsArrive() {
        List<String> phones = SIM.cph().phoneIds().subList(0, 2);
        RestartCloudPhonesResult restart = template.requestBodyAndHeader("cph:restartCloudPhones", null,
                CphConstants.PHONE_IDS, phones, RestartCloudPhonesResult.class);
        String requestId = restart.getRequestId();
        assertThat(requestId).isNotBlank();
        assertThat(SIM.journal().last("restartCloudPhones").orElseThrow().auth()).isEqualTo("token");

        await().atMost(Duration.ofSeconds(15)).until(() -> eventsOf(requestId).size() == 2);
        assertThat(eventsOf(requestId)).allSatisfy(event -> {
            assertThat(event.getMessage().getHeader(CphConstants.JOB_STATUS)).isEqualTo("SUCCEEDED");
            assertThat(event.getMessage().getBody()).isInstanceOf(CphJob.class);
        });
        assertThat(eventsOf(requestId)).extracting(e -> e.getMessage().getHeader(CphConstants.PHONE_ID))
                .containsExactlyInAnyOrderElementsOf(phones);
    }

    @Test
    void theJobsConsumersHealthIsInTheActuatorsHealth() {
        await().atMost(Duration.ofSeconds(15)).until(() -> health.health().getStatus().equals(Status.UP));
        Health camel = (Health) health.healthForPath("camelHealth");
        assertThat(camel.getStatus()).isEqualTo(Status.UP);
        assertThat(camel.getDetails()).containsEntry("consumer:cph-jobs", "UP");
    }

    private static List<Exchange> eventsOf(String requestId) {
        return EVENTS.stream().filter(e -> requestId.equals(e.getMessage().getHeader(CphConstants.REQUEST_ID))).toList();
    }
}
