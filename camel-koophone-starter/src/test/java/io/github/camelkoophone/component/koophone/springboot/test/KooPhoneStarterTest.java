package io.github.camelkoophone.component.koophone.springboot.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.component.koophone.model.JobEvent;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
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
 * A Spring Boot application configured only by properties, against the simulator: the component gets
 * {@code camel.component.koophone.*}, an asyncCommand starts a task, its job events arrive on {@code koophone:tasks},
 * and the consumer's health shows up in the actuator's health.
 */
@SpringBootTest(classes = KooPhoneStarterTest.App.class, properties = {
        "camel.component.koophone.max-retries=1",
        "camel.component.koophone.retry-delay=50ms",
        "camel.component.koophone.request-timeout=5s",
        "camel.component.koophone.connect-timeout=2000",
        "camel.component.koophone.max-batch-size=50",
        "management.endpoint.health.show-details=always" })
@DirtiesContext
class KooPhoneStarterTest {

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
        RouteBuilder taskEvents() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("koophone:tasks?delay=100&initialDelay=0").routeId("task-events")
                            .process(exchange -> EVENTS.add(exchange.copy()));
                }
            };
        }
    }

    @DynamicPropertySource
    static void koophone(DynamicPropertyRegistry registry) {
        registry.add("camel.component.koophone.endpoint", SIM::url);
        registry.add("camel.component.koophone.iam-endpoint", SIM::url);
        registry.add("camel.component.koophone.auth-token", SIM::staticToken);
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    HealthEndpoint health;

    @AfterEach
    void clearFaults() {
        SIM.faults().clear();
    }

    @Test
    void theComponentIsConfiguredFromTheProperties() {
        KooPhoneConfiguration c = camelContext.getComponent("koophone", KooPhoneComponent.class).getConfiguration();
        assertThat(c.getEndpoint()).isEqualTo(SIM.url());
        assertThat(c.getIamEndpoint()).isEqualTo(SIM.url());
        assertThat(c.getAuthToken()).isEqualTo(SIM.staticToken());
        assertThat(c.getMaxRetries()).isEqualTo(1);
        assertThat(c.getRetryDelay()).isEqualTo(50);
        assertThat(c.getRequestTimeout()).isEqualTo(5_000);
        assertThat(c.getConnectTimeout()).isEqualTo(2_000);
        assertThat(c.getMaxBatchSize()).isEqualTo(50);
        assertThat(c.getTaskTimeout()).as("untouched default").isEqualTo(3_600_000);
    }

    @Test
    void asyncCommandStartsATaskWhoseJobEventsArrive() {
        List<String> phones = SIM.inventory().ids().subList(0, 2);
        Exchange reply = template.request("koophone:asyncCommand?command=ls /system",
                exchange -> exchange.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, String.join(",", phones)));
        assertThat(reply.getException()).isNull();
        String taskId = reply.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class);
        assertThat(taskId).isNotBlank();
        JournalEntry call = SIM.journal().last("asyncCommand").orElseThrow();
        assertThat(call.auth()).isEqualTo("token");

        await().atMost(Duration.ofSeconds(15)).until(() -> eventsOf(taskId).size() == 2);
        assertThat(eventsOf(taskId)).allSatisfy(event -> {
            assertThat(event.getMessage().getHeader(KooPhoneConstants.JOB_STATUS)).isEqualTo("SUCCEEDED");
            assertThat(event.getMessage().getHeader(KooPhoneConstants.OPERATION)).isEqualTo("asyncCommand");
            assertThat(event.getMessage().getBody()).isInstanceOf(JobEvent.class);
        });
        assertThat(eventsOf(taskId)).extracting(e -> e.getMessage().getHeader(KooPhoneConstants.INSTANCE_ID))
                .containsExactlyInAnyOrderElementsOf(phones);
    }

    @Test
    void theTasksConsumersHealthIsInTheActuatorsHealth() {
        await().atMost(Duration.ofSeconds(15)).until(() -> health.health().getStatus().equals(Status.UP));
        Health camel = (Health) health.healthForPath("camelHealth");
        assertThat(camel.getStatus()).isEqualTo(Status.UP);

        SIM.faults().add(Fault.on("getTask").httpStatus(401).body("APIGW.0301", "Incorrect IAM authentication information"));
        template.sendBodyAndHeaders("koophone:asyncCommand?command=ls", null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, SIM.inventory().ids().get(2)));

        await().atMost(Duration.ofSeconds(15)).until(() -> health.health().getStatus().equals(Status.DOWN));
        camel = (Health) health.healthForPath("camelHealth");
        assertThat(camel.getStatus()).isEqualTo(Status.DOWN);
        assertThat(camel.getDetails()).containsEntry("consumer:task-events", "DOWN");
        assertThat(camel.getDetails().get("consumer:task-events.data").toString()).contains("401");
        assertThat(camel.getDetails().get("error.message").toString()).contains("APIGW.0301");

        SIM.faults().clear();
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.UP));
    }

    private static List<Exchange> eventsOf(String taskId) {
        return EVENTS.stream().filter(e -> taskId.equals(e.getMessage().getHeader(KooPhoneConstants.TASK_ID))).toList();
    }
}
