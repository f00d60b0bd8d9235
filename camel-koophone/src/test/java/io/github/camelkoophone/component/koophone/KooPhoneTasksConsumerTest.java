package io.github.camelkoophone.component.koophone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkoophone.component.cloud.tasks.TrackedTasksConsumer;
import io.github.camelkoophone.component.koophone.model.JobEvent;
import io.github.camelkoophone.component.koophone.model.TaskEvent;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimTask;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KooPhoneTasksConsumerTest extends SimulatorTestSupport {

    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    /** Runs in the route for each event, before it is recorded. */
    private volatile java.util.function.Consumer<Exchange> onEvent = exchange -> { };
    private String consumerUri = "koophone:tasks?delay=50&initialDelay=0";
    /** A task that runs until the end of the test, whose GetTasks count the consumer's polls. */
    private String sentinel;

    @TempDir
    Path dir;

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri).routeId("events").process(exchange -> {
                    if (failuresToInject.getAndDecrement() > 0) {
                        throw new IllegalStateException("downstream is down");
                    }
                    onEvent.accept(exchange);
                    events.add(exchange.copy());
                });
            }
        });
    }

    private String asyncCommand(String... instanceIds) {
        return startCommand("koophone:asyncCommand", instanceIds);
    }

    private String startCommand(String uri, String... instanceIds) {
        Exchange out = template.send(uri, exchange -> {
            exchange.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, List.of(instanceIds));
            exchange.getMessage().setHeader(KooPhoneConstants.COMMAND, "ls -l /system");
        });
        assertThat(out.getException()).isNull();
        return out.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class);
    }

    private static String status(Exchange e) {
        return e.getMessage().getHeader(KooPhoneConstants.JOB_STATUS, String.class);
    }

    @Test
    void tenJobsFinishingAtDifferentTimesGiveExactlyTenEventsWithTheirStatuses() {
        List<String> ids = sim.inventory().ids();
        sim.inventory().update(ids.get(3), i -> i.failJobs(true));
        sim.inventory().update(ids.get(8), i -> i.failJobs(true));
        for (int t = 0; t < 5; t++) {
            asyncCommand(ids.get(2 * t), ids.get(2 * t + 1));
            sim.clock().advance(Duration.ofSeconds(10)); // each task ends 10 s after the one before
        }

        sim.clock().advance(Duration.ofSeconds(15)); // the first two tasks are past their end
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 4);

        sim.clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 10);
        awaitFurtherPolls();

        assertThat(events).hasSize(10);
        assertThat(events).extracting(e -> e.getMessage().getHeader(KooPhoneConstants.JOB_ID)).doesNotHaveDuplicates();
        for (SimTask task : sim.tasks().all()) {
            if (task.taskId().equals(sentinel)) {
                continue;
            }
            for (SimJob job : task.jobs()) {
                Exchange event = events.stream()
                        .filter(e -> job.jobId().equals(e.getMessage().getHeader(KooPhoneConstants.JOB_ID))).findFirst().orElseThrow();
                JobEvent body = event.getMessage().getBody(JobEvent.class);
                assertThat(body.getTaskId()).isEqualTo(task.taskId());
                assertThat(body.getInstanceId()).isEqualTo(job.instanceId());
                assertThat(body.getStatus()).isEqualTo(job.status());
                assertThat(status(event)).isEqualTo(job.status() == SimJob.SUCCEEDED ? "SUCCEEDED" : "FAILED");
                assertThat(event.getMessage().getHeader(KooPhoneConstants.INSTANCE_ID)).isEqualTo(job.instanceId());
                assertThat(event.getMessage().getHeader(KooPhoneConstants.TASK_ID)).isEqualTo(task.taskId());
                assertThat(event.getMessage().getHeader(KooPhoneConstants.OPERATION)).isEqualTo("asyncCommand");
                assertThat(event.getMessage().getHeader(KooPhoneConstants.EVENT_ID))
                        .isEqualTo(task.taskId() + "/" + job.jobId());
            }
        }
        assertThat(events).filteredOn(e -> "FAILED".equals(status(e)))
                .extracting(e -> e.getMessage().getHeader(KooPhoneConstants.INSTANCE_ID))
                .containsExactlyInAnyOrder(ids.get(3), ids.get(8));
    }

    @Test
    void taskModeEmitsOneEventPerTaskWithAllItsJobs() throws Exception {
        consumerUri = "koophone:tasks?delay=50&initialDelay=0&eventMode=task";
        restartCamel();
        List<String> ids = sim.inventory().ids();
        template.sendBodyAndHeaders("koophone:batchReset", null, Map.of(KooPhoneConstants.INSTANCE_IDS, ids.subList(0, 4)));

        sim.clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        awaitFurtherPolls();

        assertThat(events).hasSize(1);
        TaskEvent task = events.get(0).getMessage().getBody(TaskEvent.class);
        assertThat(task.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(task.getOperation()).isEqualTo("batchReset");
        assertThat(task.getTaskId()).startsWith("RM_");
        assertThat(task.getJobs()).extracting(JobEvent::getInstanceId).containsExactlyInAnyOrderElementsOf(ids.subList(0, 4));
        assertThat(events.get(0).getMessage().getHeader(KooPhoneConstants.EVENT_ID)).isEqualTo(task.getTaskId());
    }

    @Test
    void aFailedDeliveryIsRedeliveredAndNeverAgainAfterSuccess() {
        failuresToInject.set(1);
        asyncCommand(sim.inventory().ids().get(0));
        sim.clock().advance(Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        awaitFurtherPolls();

        assertThat(events).hasSize(1);
        assertThat(failuresToInject.get()).isLessThan(0); // the route saw the event twice: once failing, once succeeding
    }

    @Test
    void restartWithAFileStateRepositoryDeliversEveryJobExactlyOnceAcrossBothContexts() throws Exception {
        FileStateRepository store = FileStateRepository.fileStateRepository(dir.resolve("tasks.dat").toFile());
        consumerUri = "koophone:tasks?delay=50&initialDelay=0&taskStore=#store";
        restartCamel(store);
        List<String> ids = sim.inventory().ids();
        for (int t = 0; t < 3; t++) {
            asyncCommand(ids.get(2 * t), ids.get(2 * t + 1));
            sim.clock().advance(Duration.ofSeconds(20)); // tasks end at +60 s, +80 s and +100 s
        }
        sim.clock().advance(Duration.ofSeconds(5)); // +65 s: the first task ended, the other two still run
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);

        context.stop(); // a new JVM would see only what the store kept
        List<Exchange> before = List.copyOf(events);
        events.clear();
        sim.clock().advance(Duration.ofMinutes(5));
        FileStateRepository reopened = FileStateRepository.fileStateRepository(dir.resolve("tasks.dat").toFile());
        restartCamel(reopened);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 4);
        awaitFurtherPolls();
        assertThat(events).hasSize(4);
        List<Object> all = new java.util.ArrayList<>();
        before.forEach(e -> all.add(e.getMessage().getHeader(KooPhoneConstants.JOB_ID)));
        events.forEach(e -> all.add(e.getMessage().getHeader(KooPhoneConstants.JOB_ID)));
        assertThat(all).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aTaskStillRunningAfterTaskTimeoutIsEmittedTimedOutAndDropped() throws Exception {
        consumerUri = "koophone:tasks?delay=50&initialDelay=0&taskTimeout=300";
        restartCamel();
        String taskId = asyncCommand(sim.inventory().ids().get(0), sim.inventory().ids().get(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        // dropped: the consumer follows nothing more, so nothing more can come (a task that times out stops no poll
        // it could be counted by)
        TrackedTasksConsumer<?> consumer = (TrackedTasksConsumer<?>) context.getRoute("events").getConsumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.getPendingTasks() == 0);

        assertThat(events).hasSize(2).allMatch(e -> "TIMED_OUT".equals(status(e)));
        assertThat(events).allMatch(e -> taskId.equals(e.getMessage().getHeader(KooPhoneConstants.TASK_ID)));
        assertThat(events.get(0).getMessage().getBody(JobEvent.class).getStatus()).isNull();
    }

    @Test
    void theConsumerPollsAtAFixedRateUnlessToldOtherwise() throws Exception {
        assertThat(((ScheduledPollConsumer) context.getRoute("events").getConsumer()).isUseFixedDelay()).isFalse();
        consumerUri = "koophone:tasks?delay=50&initialDelay=0&useFixedDelay=true";
        restartCamel();
        assertThat(((ScheduledPollConsumer) context.getRoute("events").getConsumer()).isUseFixedDelay()).isTrue();
    }

    @Test
    void atAFixedRateAPollSpreadsItsGetTasksOverThreeQuartersOfTheDelay() throws Exception {
        List<String> taskIds = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            taskIds.add(startCommand("koophone:asyncCommand?trackTasks=false", sim.inventory().ids().get(i)));
        }
        List<java.time.Instant> paced = firstPollTimes("koophone:tasks?delay=400&initialDelay=0&taskIds=", taskIds);
        // the i-th GetTask starts no sooner than i/8 of 300 ms after the first, however fast the calls are
        assertThat(Duration.between(paced.get(0), paced.get(7))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        // with a fixed delay there is nothing to pace: at a delay of an hour all eight still come within the wait, where
        // three quarters of it would put the last 39 minutes after the first
        List<java.time.Instant> unpaced = firstPollTimes("koophone:tasks?delay=3600000&initialDelay=0&useFixedDelay=true&taskIds=",
                taskIds);
        assertThat(unpaced).hasSize(8);
    }

    /** When the simulator received the first poll's GetTasks of a consumer started afresh with these tasks. */
    private List<java.time.Instant> firstPollTimes(String uri, List<String> taskIds) throws Exception {
        context.stop();
        Thread.sleep(200); // any GetTask still in flight from the previous consumer lands before the mark
        long mark = sim.journal().last().map(io.github.camelkoophone.simulator.journal.JournalEntry::seq).orElse(0L);
        consumerUri = uri + String.join(",", taskIds);
        restartCamel();
        await("the first poll's GetTasks of all " + taskIds.size() + " tasks").atMost(Duration.ofSeconds(20))
                .until(() -> sim.journal().since(mark).size() >= taskIds.size());
        return sim.journal().since(mark).subList(0, taskIds.size()).stream()
                .map(io.github.camelkoophone.simulator.journal.JournalEntry::time).toList();
    }

    @Test
    void anEventIsDeliveredWithoutWaitingForTheSlowestGetTaskOfItsPoll() throws Exception {
        String slow = startCommand("koophone:asyncCommand?trackTasks=false", sim.inventory().ids().get(0));
        String fast = startCommand("koophone:asyncCommand?trackTasks=false", sim.inventory().ids().get(1));
        sim.clock().advance(Duration.ofMinutes(5));
        sim.faults().add(Fault.onPath("/v1/instances/tasks/" + slow).latency(Duration.ofSeconds(2)));
        // whether the simulator had answered the slow task's GetTask when each event was delivered
        Map<String, Boolean> slowAnsweredAt = new java.util.concurrent.ConcurrentHashMap<>();
        onEvent = exchange -> slowAnsweredAt.put(exchange.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class),
                sim.journal().entries("getTask").stream().anyMatch(e -> e.path().endsWith(slow)));

        consumerUri = "koophone:tasks?delay=50&initialDelay=0&taskIds=" + slow + "," + fast; // both in the first poll
        restartCamel();
        await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == 2);
        assertThat(slowAnsweredAt).containsEntry(fast, false).containsEntry(slow, true);
    }

    @Test
    void tasksRegisteredByIdThroughTheTasksProducerOrTheTaskIdsOptionAreFollowed() throws Exception {
        String first = startCommand("koophone:asyncCommand?trackTasks=false", sim.inventory().ids().get(0));
        String second = startCommand("koophone:asyncCommand?trackTasks=false", sim.inventory().ids().get(1));
        sim.clock().advance(Duration.ofMinutes(5));
        awaitFurtherPolls();
        assertThat(events).isEmpty(); // trackTasks=false: nobody follows them

        template.sendBody("koophone:tasks", first);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);

        consumerUri = "koophone:tasks?delay=50&initialDelay=0&taskIds=" + second;
        restartCamel();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        assertThat(events.get(0).getMessage().getHeader(KooPhoneConstants.TASK_ID)).isEqualTo(second);
    }

    private void restartCamel() throws Exception {
        restartCamel((FileStateRepository) null);
    }

    private void restartCamel(FileStateRepository store) throws Exception {
        events.clear();
        restartCamel(camel -> {
            if (store != null) {
                camel.getRegistry().bind("store", store);
            }
        });
    }

    /**
     * Waits for five further polls of the consumer, counted by its GetTasks of a task it follows that keeps running
     * (the tests move the simulator's clock no more after this): five polls in which a duplicate would show.
     */
    private void awaitFurtherPolls() {
        if (sentinel == null) {
            sentinel = asyncCommand(sim.inventory().ids().get(9));
        }
        awaitFurther(sim, getTaskOf(sentinel), 5);
    }
}
