package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cloud.tasks.TaskLogException;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the component asks of a {@link TaskLog} and does with what it is told: producers append, the consumer follows
 * only what the log hands it, records each delivery and says when a task is done, and a task handed over with a
 * recorded state goes on from there. The log here is a plain in-test one, so each call can be seen.
 */
class TaskLogSpiTest extends SimulatorTestSupport {

    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private OpenLog log = new OpenLog();
    /** A task that runs until the end of the test, whose GetTasks count the consumer's polls. */
    private String sentinel;

    @Override
    protected void configure(KooPhoneComponent component) {
        component.getConfiguration().setTaskLog(log);
    }

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?delay=50&initialDelay=0").process(exchange -> events.add(exchange.copy()));
            }
        });
    }

    private String asyncCommand(List<String> instanceIds) {
        Exchange out = call("koophone:asyncCommand", null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, instanceIds, KooPhoneConstants.COMMAND, "ls"));
        assertThat(out.getException()).isNull();
        return out.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class);
    }

    @Test
    void producersAppendToTheLogAndTheConsumerDeliversOnlyWhatTheLogHandsIt() {
        List<String> ids = sim.inventory().ids().subList(0, 2);
        String taskId = asyncCommand(ids);

        assertThat(log.appended).singleElement().satisfies(task -> {
            assertThat(task.taskId()).isEqualTo(taskId);
            assertThat(task.instanceIds()).containsExactlyElementsOf(ids);
        });
        assertThat(log.services).containsExactly("koophone");
        sim.clock().advance(Duration.ofMinutes(5));
        awaitFurtherPolls();
        assertThat(events).as("not handed to the consumer: another node's").isEmpty();

        log.hand(log.appended.get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        assertThat(events).extracting(e -> e.getMessage().getHeader(KooPhoneConstants.TASK_ID)).containsOnly(taskId);
        // the first delivery is recorded, the second ends the task
        assertThat(log.recorded).hasSize(1);
        assertThat(log.done).containsExactly(taskId);
    }

    @Test
    void aTaskHandedOverWithARecordedStateRepeatsNoDeliveredEvent() throws Exception {
        String taskId = asyncCommand(sim.inventory().ids().subList(0, 3));
        TaskRegistration task = log.appended.get(0);
        log.hand(task);
        sim.clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 3);
        String afterOne = log.recorded.get(0);
        Object deliveredFirst = events.get(0).getMessage().getHeader(KooPhoneConstants.JOB_ID);

        // the next owner is told the state recorded after the first delivery
        log = new OpenLog();
        events.clear();
        restartCamel(camel -> { });
        log.follower.follow(taskId, afterOne);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        awaitFurtherPolls();
        assertThat(events).hasSize(2)
                .extracting(e -> e.getMessage().getHeader(KooPhoneConstants.JOB_ID)).doesNotContain(deliveredFirst);
        assertThat(log.done).containsExactly(taskId);
    }

    @Test
    void anUnfollowedTaskIsNotDeliveredHere() {
        asyncCommand(sim.inventory().ids().subList(0, 1));
        log.hand(log.appended.get(0));
        log.follower.unfollow(List.of(log.appended.get(0).taskId()));

        sim.clock().advance(Duration.ofMinutes(5));
        awaitFurtherPolls();
        assertThat(events).isEmpty();
        assertThat(log.done).as("the task is the next owner's to end").isEmpty();
    }

    @Test
    void whenTheLogCannotRecordATaskTheExchangeFailsNamingIt() {
        log.refuse = true;
        Exchange out = call("koophone:asyncCommand", null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, sim.inventory().ids().subList(0, 1), KooPhoneConstants.COMMAND, "ls"));

        String started = sim.tasks().all().get(0).taskId();
        assertThat(out.getException()).isInstanceOf(TaskLogException.class).hasMessageContaining(started);
        assertThat(((TaskLogException) out.getException()).getTaskIds()).containsExactly(started);
    }

    /**
     * Waits for five further polls of the consumer, counted by its GetTasks of a task handed to it that keeps running
     * (the tests move the simulator's clock no more by then): five polls in which anything else it followed would have
     * been asked about and delivered too.
     */
    private void awaitFurtherPolls() {
        if (sentinel == null) {
            sentinel = asyncCommand(sim.inventory().ids().subList(9, 10));
            log.hand(log.appended.get(log.appended.size() - 1));
        }
        awaitFurther(sim, getTaskOf(sentinel), 5);
    }

    /** A task log whose every call is kept, and which hands tasks to its follower only when told. */
    private static final class OpenLog implements TaskLog {

        final List<TaskRegistration> appended = new CopyOnWriteArrayList<>();
        final List<String> services = new CopyOnWriteArrayList<>();
        final List<String> recorded = new CopyOnWriteArrayList<>();
        final List<String> done = new CopyOnWriteArrayList<>();
        volatile Follower follower;
        volatile boolean refuse;

        @Override
        public void append(String service, TaskRegistration task) {
            if (refuse) {
                throw new TaskLogException(List.of(task.taskId()), "refused by the test", null);
            }
            services.add(service);
            appended.add(task);
        }

        void hand(TaskRegistration task) {
            follower.follow(task.taskId(), task.state(System.currentTimeMillis()));
        }

        @Override
        public Following follow(String service, String consumer, Follower follower) {
            this.follower = follower;
            return new Following() {
                @Override
                public void adopt(TaskRegistration task) {
                    append(service, task);
                }

                @Override
                public void record(String taskId, String state) {
                    recorded.add(state);
                }

                @Override
                public void done(String taskId) {
                    done.add(taskId);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
