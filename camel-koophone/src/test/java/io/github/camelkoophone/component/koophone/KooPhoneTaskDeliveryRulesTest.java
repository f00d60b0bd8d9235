package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.camelkoophone.component.cloud.tasks.TrackedTasksConsumer;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.COMMAND;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.EVENT_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery rules of {@code koophone:tasks} that the component doc states, each through routes against the
 * simulator: an exception the route's error handler handled counts as delivered, {@code pollConcurrency} bounds the
 * GetTasks in flight, {@code CamelBatchSize} is the size of the batch of answers that arrived together, and every
 * consumer of the component emits every event.
 */
class KooPhoneTaskDeliveryRulesTest extends SimulatorTestSupport {

    private static final String GET_TASK = "getTask";

    private String startTask(boolean tracked, List<String> instanceIds) {
        Exchange out = call("koophone:asyncCommand?trackTasks=" + tracked, null,
                Map.of(INSTANCE_IDS, instanceIds, COMMAND, "ls -l /system"));
        assertThat(out.getException()).isNull();
        return out.getMessage().getHeader(TASK_ID, String.class);
    }

    @Test
    void anExceptionTheErrorHandlerHandledCountsAsDeliveredAndIsNotEmittedAgain() throws Exception {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?delay=50&initialDelay=0").routeId("handled")
                        .onException(IllegalStateException.class).handled(true).end()
                        .process(exchange -> {
                            attempts.computeIfAbsent(exchange.getMessage().getHeader(EVENT_ID, String.class),
                                    id -> new AtomicInteger()).incrementAndGet();
                            throw new IllegalStateException("downstream refused it; the route handles that");
                        });
            }
        });
        String ended = startTask(true, sim.inventory().ids().subList(0, 1));
        sim.clock().advance(Duration.ofMinutes(5));
        // still running, so the consumer keeps polling and a second offer of the ended task's event would show
        String running = startTask(true, sim.inventory().ids().subList(1, 2));

        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 1);
        awaitFurtherRequests(GET_TASK, 6);

        assertThat(attempts).hasSize(1);
        assertThat(attempts.keySet()).allSatisfy(eventId -> assertThat(eventId).startsWith(ended + "/"));
        assertThat(attempts.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        TrackedTasksConsumer<?> consumer = (TrackedTasksConsumer<?>) context.getRoute("handled").getConsumer();
        assertThat(consumer.getPendingTasks()).isEqualTo(1); // the ended task was forgotten, the running one is followed
        assertThat(sim.journal().entries(GET_TASK)).extracting(JournalEntry::path).last().asString().endsWith(running);
    }

    @Test
    void pollConcurrencyBoundsTheGetTasksInFlight() throws Exception {
        List<String> ids = sim.inventory().ids();
        StringBuilder taskIds = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            taskIds.append(i == 0 ? "" : ",").append(startTask(false, ids.subList(i, i + 1)));
        }
        sim.faults().add(Fault.on(GET_TASK).latency(Duration.ofMillis(400)));

        // without pacing, so the only bound on the calls is pollConcurrency
        String uri = "koophone:tasks?delay=50&initialDelay=0&useFixedDelay=true&taskIds=" + taskIds;
        assertThat(maxGetTasksInFlight(uri + "&pollConcurrency=2", "two")).isEqualTo(2);
        assertThat(maxGetTasksInFlight(uri + "&pollConcurrency=6", "six")).isGreaterThan(2);
    }

    /** Runs a consumer on the URI for two polls' worth of GetTasks, and returns the most the simulator saw at once. */
    private int maxGetTasksInFlight(String uri, String routeId) throws Exception {
        sim.journal().clear();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("log:unused?level=OFF");
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.journal().count(GET_TASK) >= 12);
        context.getRouteController().stopRoute(routeId);
        return peakConcurrency(sim.journal().entries(GET_TASK));
    }

    @Test
    void camelBatchSizeIsTheNumberOfEventsFromTheAnswersThatArrivedTogether() throws Exception {
        List<String> ids = sim.inventory().ids();
        String fast = startTask(false, ids.subList(0, 2));
        String slow = startTask(false, ids.subList(2, 5));
        sim.clock().advance(Duration.ofMinutes(5));
        sim.faults().add(Fault.onPath("/v1/instances/tasks/" + slow).latency(Duration.ofSeconds(2)));
        List<Exchange> events = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?delay=50&initialDelay=0&taskIds=" + fast + "," + slow)
                        .process(exchange -> events.add(exchange.copy()));
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == 5);

        assertBatch(events, fast, 2);
        assertBatch(events, slow, 3);
    }

    private static void assertBatch(List<Exchange> events, String taskId, int size) {
        List<Exchange> batch = events.stream().filter(e -> taskId.equals(e.getMessage().getHeader(TASK_ID))).toList();
        assertThat(batch).hasSize(size);
        assertThat(batch).extracting(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class)).containsOnly(size);
        assertThat(batch).extracting(e -> e.getProperty(Exchange.BATCH_INDEX, Integer.class))
                .containsExactlyElementsOf(IntStream.range(0, size).boxed().toList());
        assertThat(batch).extracting(e -> e.getProperty(Exchange.BATCH_COMPLETE, Boolean.class))
                .containsExactlyElementsOf(IntStream.range(0, size).mapToObj(i -> i == size - 1).toList());
    }

    @Test
    void everyTasksConsumerOfTheComponentEmitsEveryEventOnce() throws Exception {
        Map<String, List<String>> received = Map.of("first", new CopyOnWriteArrayList<>(), "second", new CopyOnWriteArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?delay=50&initialDelay=0").routeId("first")
                        .process(exchange -> received.get("first").add(exchange.getMessage().getHeader(EVENT_ID, String.class)));
                from("koophone:tasks?delay=70&initialDelay=0").routeId("second")
                        .process(exchange -> received.get("second").add(exchange.getMessage().getHeader(EVENT_ID, String.class)));
            }
        });
        List<String> ids = sim.inventory().ids();
        String byProducer = startTask(true, ids.subList(0, 3));
        String byTasksEndpoint = startTask(false, ids.subList(3, 4));
        template.sendBodyAndHeader("koophone:tasks", null, TASK_ID, byTasksEndpoint);
        sim.clock().advance(Duration.ofMinutes(5));
        startTask(true, ids.subList(4, 5)); // keeps both consumers polling after the others ended

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(received).allSatisfy((route, events) -> assertThat(events).as(route).hasSizeGreaterThanOrEqualTo(4)));
        awaitFurtherRequests(GET_TASK, 6);

        for (List<String> events : received.values()) {
            assertThat(events).hasSize(4).doesNotHaveDuplicates();
            assertThat(events).filteredOn(id -> id.startsWith(byProducer + "/")).hasSize(3);
            assertThat(events).filteredOn(id -> id.startsWith(byTasksEndpoint + "/")).hasSize(1);
        }
    }
}
