package io.github.camelkoophone.component.koophone;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelkoophone.component.cloud.telemetry.Meters;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.iam.SimUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the component reports about itself, against the simulator: Micrometer meters when the application has a
 * registry (none otherwise), the producers' health check, the consumers' JMX attributes and the dev console. None
 * of them may send a request of its own: the simulator's journal counts every request.
 */
class TelemetryTest extends SimulatorTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private boolean bindRegistry = true;
    private boolean passwordLogin;

    @Override
    protected void configure(KooPhoneComponent component) {
        if (passwordLogin) {
            SimUser user = sim.user();
            KooPhoneConfiguration c = component.getConfiguration();
            c.setAuthToken(null);
            c.setUsername(user.name());
            c.setPassword(user.password());
            c.setDomainName(user.domain());
            c.setProjectName(user.projectName());
        }
    }

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        if (bindRegistry) {
            camel.getRegistry().bind("meterRegistry", meters);
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?delay=50&initialDelay=0").routeId("events").process(exchange -> {
                    if (failuresToInject.getAndDecrement() > 0) {
                        throw new IllegalStateException("downstream is down");
                    }
                    events.add(exchange.copy());
                });
            }
        });
    }

    private RequiredSearch requests(String operation) {
        return meters.get(Meters.REQUESTS).tag("component", "koophone").tag("operation", operation);
    }

    private String asyncCommand(String instanceId) {
        Exchange out = template.send("koophone:asyncCommand", exchange -> {
            exchange.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, List.of(instanceId));
            exchange.getMessage().setHeader(KooPhoneConstants.COMMAND, "ls");
        });
        assertThat(out.getException()).isNull();
        return out.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class);
    }

    @Test
    void callsAreTimedByOperationStatusAndErrorCodeAndRetriesCounted() {
        template.requestBody("koophone:listInstances", (Object) null);
        sim.faults().add(Fault.on("listInstances").httpStatus(503).times(1));
        template.requestBody("koophone:listInstances", (Object) null);
        sim.faults().add(Fault.on("listInstances").httpStatus(400).body("KOOPHONE.API.1010", "bad request").times(1));
        Exchange failed = template.send("koophone:listInstances", exchange -> { });

        assertThat(failed.getException()).isInstanceOf(KooPhoneApiException.class);
        assertThat(requests("listInstances").tag("status", "200").tag("code", "none").timer().count()).isEqualTo(2);
        assertThat(requests("listInstances").tag("status", "503").timer().count()).isEqualTo(1);
        assertThat(requests("listInstances").tag("status", "400").tag("code", "KOOPHONE.API.1010").timer().count()).isEqualTo(1);
        assertThat(meters.get("koophone.retries").tag("operation", "listInstances").counter().count()).isEqualTo(1);
        assertThat(requests("listInstances").timers()).allSatisfy(t -> assertThat(t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive());
    }

    @Test
    void eventsDeliveredAndFailedAreCountedAndPendingTasksGauged() {
        failuresToInject.set(1);
        asyncCommand(sim.inventory().ids().get(0));
        assertThat(meters.get("koophone.tasks.pending").tag("route", "events").gauge().value()).isEqualTo(1);

        sim.clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);

        assertThat(meters.get("koophone.events").tag("route", "events").tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(meters.get("koophone.events").tag("route", "events").tag("outcome", "delivered").counter().count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("koophone.tasks.pending").tag("route", "events").gauge().value() == 0);

        context.stop();
        assertThat(meters.find("koophone.tasks.pending").gauges()).as("a stopped consumer's gauge is removed").isEmpty();
    }

    @Test
    void iamLoginsAreTimedApartFromTheServiceRequests() throws Exception {
        passwordLogin = true;
        restartCamel(camel -> { });

        template.requestBody("koophone:listInstances", (Object) null);
        template.requestBody("koophone:listInstances", (Object) null);

        assertThat(meters.get(Meters.LOGINS).timers()).singleElement()
                .satisfies(t -> {
                    assertThat(t.getId().getTag("operation")).isEqualTo("iamToken");
                    assertThat(t.getId().getTag("status")).startsWith("2");
                    assertThat(t.count()).isEqualTo(1);
                });
        assertThat(requests("listInstances").timer().count()).isEqualTo(2);
    }

    @Test
    void withoutAMeterRegistryNothingIsRecorded() throws Exception {
        bindRegistry = false;
        restartCamel(camel -> { });
        meters.clear();

        template.requestBody("koophone:listInstances", (Object) null);

        KooPhoneComponent component = context.getComponent("koophone", KooPhoneComponent.class);
        assertThat(component.telemetry().meters()).isSameAs(Meters.NONE);
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void theProducerHealthCheckFollowsTheCredentialsWithoutRequestsOfItsOwn() {
        template.requestBody("koophone:listInstances", (Object) null);
        assertThat(producerHealth().getState()).isEqualTo(HealthCheck.State.UP);

        sim.faults().add(Fault.on("listInstances").httpStatus(401)
                .body("APIGW.0301", "Incorrect IAM authentication information").times(1));
        Exchange refused = template.send("koophone:listInstances", exchange -> { });
        assertThat(refused.getException()).isInstanceOf(KooPhoneApiException.class);
        long requests = requestsButPolls();

        HealthCheck.Result down = producerHealth();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("APIGW.0301"));
        assertThat(down.getDetails()).containsKey(HealthCheck.FAILURE_START_TIME);
        assertThat(producerHealth().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(requestsButPolls()).as("the health check sends nothing").isEqualTo(requests);

        template.requestBody("koophone:listInstances", (Object) null);
        assertThat(producerHealth().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aRefusedIamLoginTurnsTheProducerDown() throws Exception {
        passwordLogin = true;
        restartCamel(camel -> { });
        context.getComponent("koophone", KooPhoneComponent.class).getConfiguration().setPassword("wrong");

        Exchange refused = template.send("koophone:getTask?taskId=t1&password=wrong", exchange -> { });

        assertThat(refused.getException()).isNotNull();
        HealthCheck.Result down = producerHealth("getTask");
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("The service refuses the credentials: IAM refused the login"));
    }

    private static List<JsonObject> objects(JsonObject json, String key) {
        return json.getCollection(key).stream().map(JsonObject.class::cast).toList();
    }

    /** The requests sent, but the tasks consumer's polls, which go on by themselves. */
    private long requestsButPolls() {
        return sim.journal().entries().stream().filter(e -> !"getTask".equals(e.operation())).count();
    }

    private HealthCheck.Result producerHealth() {
        return producerHealth("listInstances");
    }

    /** The check of a producer, with the producers' checks turned on (Camel has them off by default). */
    private HealthCheck.Result producerHealth(String operation) {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().equals("producer:koophone://" + operation)).findFirst();
        assertThat(result).as("the producer's check is registered").isPresent();
        return result.get();
    }

    @Test
    void consumersShowPendingTasksAndLastPollInJmx() throws Exception {
        asyncCommand(sim.inventory().ids().get(0));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                                 + ",type=consumers,*"), null);
        ObjectName consumer = names.stream().filter(n -> n.getKeyProperty("name").contains("KooPhoneTasksConsumer")).findFirst()
                .orElseThrow(() -> new AssertionError("no tasks consumer among " + names));

        assertThat(server.getAttribute(consumer, "PendingTasks")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !((String) server.getAttribute(consumer, "LastPollTime")).isEmpty());
    }

    @Test
    void theDevConsoleShowsEndpointsConsumersAndRecentErrors() {
        asyncCommand(sim.inventory().ids().get(0));
        sim.faults().add(Fault.on("listInstances").httpStatus(400).body("KOOPHONE.API.1010", "bad request").times(1));
        template.send("koophone:listInstances", exchange -> { });
        long requests = requestsButPolls();

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("koophone");
        assertThat(console).as("the generated dev-console service file names the console").isNotNull();
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());

        JsonObject component = objects(json, "components").get(0);
        assertThat(component.getString("name")).isEqualTo("koophone");
        assertThat(objects(component, "consumers")).singleElement()
                .satisfies(c -> assertThat(c.getInteger("pendingTasks")).isEqualTo(1));
        assertThat(objects(component, "endpoints")).extracting(e -> e.getString("endpoint"))
                .contains("koophone://asyncCommand", "koophone://listInstances", "koophone://tasks");
        assertThat(objects(component, "recentErrors")).singleElement()
                .satisfies(e -> assertThat(e.getString("error")).contains("KOOPHONE.API.1010"));
        assertThat(text).contains("Component: koophone", "pendingTasks=1", "KOOPHONE.API.1010")
                .doesNotContain(sim.staticToken());
        assertThat(requestsButPolls()).as("the console sends nothing").isEqualTo(requests);
    }
}
