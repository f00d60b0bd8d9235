package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.simulator.faults.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The instanceStatus consumer, consumer health, and both consumers from YAML DSL.
 */
class KooPhoneEventConsumersTest extends SimulatorTestSupport {

    private final List<Exchange> statuses = new CopyOnWriteArrayList<>();
    private List<String> watched;

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        watched = sim.inventory().ids().subList(0, 3);
        Properties properties = new Properties();
        properties.setProperty("watched", String.join(",", watched));
        camel.getPropertiesComponent().setInitialProperties(properties);
        // the ids in the opposite order to the YAML route's, so the journal tells this route's polls apart
        List<String> reversed = new java.util.ArrayList<>(watched);
        java.util.Collections.reverse(reversed);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:instanceStatus?delay=50&initialDelay=0&instanceIds=" + String.join(",", reversed))
                        .routeId("java-instance-status").process(exchange -> statuses.add(exchange.copy()));
                from("koophone:tasks?delay=50&initialDelay=0&maxRetries=0").routeId("java-task-events").to("mock:java-task-events");
            }
        });
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/events.yaml"));
    }

    @Test
    void instanceStatusEmitsEveryInstanceFirstThenOnlyChanges() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.size() == 3);
        assertThat(statuses).allMatch(e -> !e.getMessage().getHeaders().containsKey(KooPhoneConstants.PREVIOUS_STATUS));
        assertThat(statuses).extracting(e -> e.getMessage().getBody(InstanceStatus.class).getInstanceId())
                .containsExactlyInAnyOrderElementsOf(watched);

        sim.inventory().update(watched.get(1), i -> i.runningStatus(1));
        sim.inventory().update(watched.get(2), i -> i.runningStatus(9)); // undocumented: passes through
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.size() == 5);
        String last = watched.get(watched.size() - 1);
        awaitFurther(sim, e -> "batchQueryStatus".equals(e.operation()) && e.body().indexOf(last) < e.body().indexOf(watched.get(0)), 5);

        assertThat(statuses).hasSize(5);
        Exchange stopped = statuses.stream().skip(3)
                .filter(e -> watched.get(1).equals(e.getMessage().getHeader(KooPhoneConstants.INSTANCE_ID))).findFirst().orElseThrow();
        assertThat(stopped.getMessage().getHeader(KooPhoneConstants.INSTANCE_STATUS)).isEqualTo(1);
        assertThat(stopped.getMessage().getHeader(KooPhoneConstants.PREVIOUS_STATUS)).isEqualTo(2);
        Exchange odd = statuses.stream().skip(3)
                .filter(e -> watched.get(2).equals(e.getMessage().getHeader(KooPhoneConstants.INSTANCE_ID))).findFirst().orElseThrow();
        assertThat(odd.getMessage().getBody(InstanceStatus.class).getStatus()).isEqualTo(9);
    }

    @Test
    void consumerHealthTurnsDownWithTheHttpStatusWhilePollsFailAndUpAgain() throws Exception {
        template.sendBodyAndHeaders("koophone:asyncCommand", null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, watched.get(0), KooPhoneConstants.COMMAND, "ls"));
        sim.faults().add(Fault.on("getTask").httpStatus(401).body("APIGW.0301", "Incorrect IAM authentication information"));

        await().atMost(Duration.ofSeconds(10)).until(() -> state("java-task-events") == HealthCheck.State.DOWN);
        HealthCheck.Result down = health("java-task-events");
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(down.getError().orElseThrow()).isInstanceOf(KooPhoneApiException.class)
                .hasMessageContaining("APIGW.0301");

        sim.faults().clear();
        await().atMost(Duration.ofSeconds(20)).until(() -> state("java-task-events") == HealthCheck.State.UP);
    }

    @Test
    void yamlRoutesConsumeTaskAndStatusEvents() throws Exception {
        MockEndpoint taskEvents = context.getEndpoint("mock:yaml-task-events", MockEndpoint.class);
        MockEndpoint statusEvents = context.getEndpoint("mock:yaml-instance-status", MockEndpoint.class);
        taskEvents.expectedBodiesReceived("SUCCEEDED " + watched.get(0));
        statusEvents.expectedMinimumMessageCount(3);

        template.sendBodyAndHeaders("koophone:asyncCommand", null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, watched.get(0), KooPhoneConstants.COMMAND, "ls"));
        sim.clock().advance(Duration.ofMinutes(5));

        taskEvents.assertIsSatisfied(10_000);
        statusEvents.assertIsSatisfied(10_000);
    }

    /** The consumer's own health check: what Camel's health registry (and Spring Boot's actuator) report for it. */
    private HealthCheck.State state(String routeId) {
        return health(routeId).getState();
    }

    private HealthCheck.Result health(String routeId) {
        HealthCheck check = ((HealthCheckAware) context.getRoute(routeId).getConsumer()).getHealthCheck();
        assertThat(check).as("health check of consumer %s", routeId).isNotNull();
        return check.call();
    }
}
