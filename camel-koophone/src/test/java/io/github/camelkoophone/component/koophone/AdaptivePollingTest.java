package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * koophone:tasks asks about a task less often as it grows older, within the bound on how late its events come. The
 * polls are run by the test, one per simulated delay, on a clock the component and the simulator share, so the
 * counts are exact and nothing waits.
 */
class AdaptivePollingTest extends SimulatorTestSupport {

    private static final Duration DELAY = Duration.ofSeconds(2);
    private static final Duration TASK = Duration.ofMinutes(5);

    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.now());
    private String consumerUri;
    /** How long after the task ended its event came, in the last run. */
    private Duration lag;

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder.taskDuration(TASK);
    }

    @Override
    protected void configure(KooPhoneComponent component) {
        component.useClock(clock);
    }

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        if (consumerUri == null) {
            return;
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri).routeId("events").process(exchange -> events.add(exchange.copy()));
            }
        });
    }

    /** Starts one 5-minute task and polls once per delay until its event came; returns the GetTask calls made. */
    private long run(String maxPollInterval) throws Exception {
        consumerUri = "koophone:tasks?startScheduler=false&delay=" + DELAY.toMillis() + "&maxPollInterval=" + maxPollInterval;
        restartCamel(camel -> { });
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("events").getConsumer();
        Exchange started = call("koophone:asyncCommand", null, Map.of(KooPhoneConstants.INSTANCE_IDS,
                sim.inventory().ids().subList(0, 1), KooPhoneConstants.COMMAND, "ls"));
        assertThat(started.getException()).isNull();
        long before = getTasks();
        Duration elapsed = Duration.ZERO;
        while (events.isEmpty()) {
            clock.advance(DELAY);
            sim.clock().advance(DELAY);
            elapsed = elapsed.plus(DELAY);
            consumer.run();
            assertThat(elapsed).as("the event is late").isLessThan(TASK.plusMinutes(2));
        }
        lag = elapsed.minus(TASK);
        return getTasks() - before;
    }

    private long getTasks() {
        return sim.journal().entries().stream().filter(e -> "getTask".equals(e.operation())).count();
    }

    @Test
    void aFiveMinuteTaskIsAskedAboutAThirdAsOftenAsAtEveryPollAndItsEventComesWithinATenthOfItsDuration()
            throws Exception {
        long everyPoll = run("2000");
        Duration everyPollLag = lag;
        events.clear();
        long adaptive = run("30000");

        assertThat(everyPoll).isEqualTo(TASK.dividedBy(DELAY));
        assertThat(everyPollLag).isLessThanOrEqualTo(DELAY);
        assertThat(adaptive).isLessThanOrEqualTo(everyPoll / 3);
        assertThat(lag).isLessThanOrEqualTo(TASK.dividedBy(10));
    }

    @Test
    void onceEightTasksOfAnOperationWereSeenEndingANewOneIsFirstAskedAboutShortlyBeforeThen() throws Exception {
        consumerUri = "koophone:tasks?startScheduler=false&delay=" + DELAY.toMillis() + "&maxPollInterval=30000";
        restartCamel(camel -> { });
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("events").getConsumer();
        int known = 8; // PollSchedule.KNOWN: until then every task explores
        for (int i = 0; i < known; i++) {
            start(i);
        }
        while (events.size() < known) {
            tick(consumer);
        }
        // they taught the schedule that asyncCommand takes about five minutes; the next one is not an explorer
        events.clear();
        start(known);
        long before = getTasks();
        Duration elapsed = Duration.ZERO;
        while (events.isEmpty()) {
            tick(consumer);
            elapsed = elapsed.plus(DELAY);
        }
        assertThat(getTasks() - before).as("checks of a task started once the duration is known").isLessThanOrEqualTo(8);
        assertThat(elapsed.minus(TASK)).as("its lag").isLessThanOrEqualTo(TASK.dividedBy(10));
    }

    private void start(int phone) {
        Exchange started = call("koophone:asyncCommand", null, Map.of(KooPhoneConstants.INSTANCE_IDS,
                sim.inventory().ids().subList(phone, phone + 1), KooPhoneConstants.COMMAND, "ls"));
        assertThat(started.getException()).isNull();
    }

    private void tick(ScheduledPollConsumer consumer) {
        clock.advance(DELAY);
        sim.clock().advance(DELAY);
        consumer.run();
    }
}
