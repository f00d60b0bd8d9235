package io.github.camelkoophone.component.koophone;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.COMMAND;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.JOB_STATUS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durations written as {@code 30s} or {@code 5m}, as the component doc's "Options" section allows, in endpoint URIs
 * and in component options (bound by name as Camel Main and the Spring Boot starter bind
 * {@code camel.component.koophone.*}): the values they resolve to, and that those values are the ones that act.
 */
class KooPhoneDurationOptionsTest extends SimulatorTestSupport {

    private final List<Exchange> events = new CopyOnWriteArrayList<>();

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder.taskDuration(Duration.ofHours(1)); // outlives the five-minute task timeout below
    }

    @Override
    protected void configure(KooPhoneComponent component) {
        component.useClock(sim.clock()); // task ages follow the simulator's clock, which the test moves
    }

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        KooPhoneComponent component = camel.getComponent("koophone", KooPhoneComponent.class);
        // as Camel Main binds camel.component.koophone.*: through the component's generated configurer
        ServiceHelper.initService(component);
        PropertyBindingSupport.build().withCamelContext(camel).withTarget(component).withMandatory(true)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(new HashMap<>(Map.of("taskTimeout", "5m", "maxRetryDelay", "2m", "connectTimeout", "30s")))
                .bind();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // taskTimeout comes from the component; maxPollInterval=delay asks about the task at every poll
                from("koophone:tasks?delay=50&initialDelay=0&maxPollInterval=50").routeId("events")
                        .process(exchange -> events.add(exchange.copy()));
                from("koophone:tasks?delay=30s&startScheduler=false").routeId("slow").to("log:unused?level=OFF");
            }
        });
    }

    @Test
    void componentOptionsTakeDurationStrings() {
        KooPhoneConfiguration c = context.getComponent("koophone", KooPhoneComponent.class).getConfiguration();
        assertThat(c.getTaskTimeout()).isEqualTo(300_000);
        assertThat(c.getMaxRetryDelay()).isEqualTo(120_000);
        assertThat(c.getConnectTimeout()).isEqualTo(30_000);
        // and every endpoint starts from them
        KooPhoneEndpoint endpoint = context.getEndpoint("koophone:getTask", KooPhoneEndpoint.class);
        assertThat(endpoint.getConfiguration().getTaskTimeout()).isEqualTo(300_000);
        assertThat(endpoint.getConfiguration().getConnectTimeout()).isEqualTo(30_000);
    }

    @Test
    void uriOptionsTakeDurationStrings() {
        KooPhoneEndpoint endpoint = context.getEndpoint(
                "koophone:tasks?requestTimeout=15s&retryDelay=1s&maxRetryDelay=5m&maxPollInterval=1m&taskTimeout=2h",
                KooPhoneEndpoint.class);
        KooPhoneConfiguration c = endpoint.getConfiguration();
        assertThat(c.getRequestTimeout()).isEqualTo(15_000);
        assertThat(c.getRetryDelay()).isEqualTo(1_000);
        assertThat(c.getMaxRetryDelay()).isEqualTo(300_000);
        assertThat(c.getMaxPollInterval()).isEqualTo(60_000);
        assertThat(c.getTaskTimeout()).isEqualTo(7_200_000);
        // the scheduler of a consumer polls at the delay its URI gave
        ScheduledPollConsumer slow = (ScheduledPollConsumer) context.getRoute("slow").getConsumer();
        assertThat(slow.getDelay()).isEqualTo(30_000);
        assertThat(slow.getEndpoint()).isInstanceOfSatisfying(KooPhoneEndpoint.class, e -> assertThat(e.getDelay()).isEqualTo(30_000));
    }

    @Test
    void aRequestTimeoutOfOneSecondFromTheUriEndsTheCallAfterASecond() {
        sim.faults().add(Fault.on("getTask").latency(Duration.ofSeconds(3)));

        Exchange out = call("koophone:getTask?requestTimeout=1s&maxRetries=0", null,
                Map.of(TASK_ID, "0123456789abcdef0123456789abcdef"));

        assertThat(out.getException()).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("timed out after 1000 ms (requestTimeout)");
    }

    @Test
    void aTaskTimeoutOfFiveMinutesFromTheComponentTimesATaskOutAfterFiveMinutes() {
        Exchange started = call("koophone:asyncCommand", null,
                Map.of(INSTANCE_IDS, sim.inventory().ids().get(0), COMMAND, "sleep 3600"));
        assertThat(started.getException()).isNull();

        sim.clock().advance(Duration.ofMinutes(4));
        awaitFurtherRequests("getTask", 3);
        assertThat(events).isEmpty(); // four minutes in: still followed, not timed out

        sim.clock().advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        assertThat(events.get(0).getMessage().getHeader(JOB_STATUS)).isEqualTo("TIMED_OUT");
        assertThat(events.get(0).getMessage().getHeader(TASK_ID)).isEqualTo(started.getMessage().getHeader(TASK_ID));
    }
}
