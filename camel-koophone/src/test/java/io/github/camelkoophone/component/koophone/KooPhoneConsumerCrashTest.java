package io.github.camelkoophone.component.koophone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, part 2: the koophone:tasks consumer with a FileStateRepository as its taskStore, stopped abruptly or
 * "killed" mid-batch and restarted on the same store, completes the processing of every job event exactly once
 * across both runs; a route that fails on some events gets them again until it succeeds, and never again after.
 * <p>
 * "Completed" is counted where a route would act: after its processor returned. An event whose processing was
 * cut off by the crash is offered again after the restart (at-least-once delivery; the store keeps what was
 * delivered), which is what makes the completed processing exactly once. The one window the store cannot close,
 * a crash after the processor returned but before the store recorded it, is described in docs/reliability.md.
 */
class KooPhoneConsumerCrashTest extends SimulatorTestSupport {

    private static final int TASKS = 5;
    private static final int JOBS = 2 * TASKS;

    @TempDir
    Path dir;

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture().expectComponentTrace().forbid(KooPhoneSimulator.DEFAULT_STATIC_TOKEN);

    /** Job ids whose processing completed, over every CamelContext of a test, in order. */
    private final List<String> completed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile Step step = (jobId, attempt) -> { };
    private volatile Path storeFile;
    private volatile String consumerOptions = "delay=50&initialDelay=0";
    /** A task that runs until the end of the test, whose GetTasks count the consumer's polls. */
    private String sentinel;

    /** What the route does with an event before its processing counts as completed. */
    @FunctionalInterface
    private interface Step {
        void process(String jobId, int attempt) throws Exception;
    }

    @Override
    protected CamelContext newContext() throws Exception {
        if (storeFile == null) {
            storeFile = dir.resolve("tasks.dat");
        }
        CamelContext camel = super.newContext();
        camel.getRegistry().bind("store", FileStateRepository.fileStateRepository(storeFile.toFile()));
        return camel;
    }

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?maxDeliveryAttempts=3&taskStore=#store&" + consumerOptions).routeId("events")
                        .process(exchange -> {
                            String jobId = exchange.getMessage().getHeader(KooPhoneConstants.JOB_ID, String.class);
                            int attempt = attempts.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
                            step.process(jobId, attempt);
                            completed.add(jobId);
                        });
            }
        });
    }

    private void restart() throws Exception {
        restartCamel(camel -> { });
    }

    /** Five asyncCommand tasks of two jobs each, all finished by the simulator's clock; returns the job ids. */
    private List<String> startJobsThatFinish() {
        List<String> ids = sim.inventory().ids();
        List<String> jobs = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            List<String> pair = ids.subList(2 * t, 2 * t + 2);
            Exchange out = call("koophone:asyncCommand", null,
                    Map.of(KooPhoneConstants.INSTANCE_IDS, pair, KooPhoneConstants.COMMAND, "ls -l /system"));
            assertThat(out.getException()).isNull();
            out.getMessage().getBody(TaskResult.class).getCmdJobs().stream().map(CmdJob::getJobId).forEach(jobs::add);
        }
        sim.clock().advance(Duration.ofMinutes(2));
        return jobs;
    }

    /** Blocks the processing of the fourth event of the first run until the test lets go. */
    private CountDownLatch blockTheFourthEvent(CountDownLatch release, AtomicBoolean crashed) {
        CountDownLatch blocked = new CountDownLatch(1);
        step = (jobId, attempt) -> {
            if (crashed.get()) {
                throw new IllegalStateException("this JVM is dead");
            }
            if (completed.size() == 3 && blocked.getCount() > 0) {
                blocked.countDown();
                release.await(); // until the test says, or an interruption by the stop
                if (crashed.get()) {
                    throw new IllegalStateException("this JVM is dead");
                }
            }
        };
        return blocked;
    }

    private void awaitEveryJobCompleted(List<String> jobs) {
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() >= jobs.size());
        awaitFurtherPolls();
        assertThat(completed).as("job events whose processing completed, both runs").hasSize(jobs.size())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(jobs);
    }

    @Test
    void anAbruptStopMidBatchAndARestartOnTheSameStoreCompleteEveryJobEventOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = blockTheFourthEvent(release, new AtomicBoolean());
        List<String> jobs = startJobsThatFinish();
        assertThat(blocked.await(10, TimeUnit.SECONDS)).as("the route blocked mid-batch").isTrue();

        context.getShutdownStrategy().setTimeout(1); // seconds: then Camel interrupts the blocked processor
        context.stop();
        assertThat(logs.warnings()).anyMatch(line -> line.text().contains("Failed to deliver a koophone:tasks event (attempt 1)")
                                                     && line.text().contains("InterruptedException"));
        List<String> firstRun = List.copyOf(completed);
        assertThat(firstRun).hasSize(3);

        step = (jobId, attempt) -> { };
        restart();

        awaitEveryJobCompleted(jobs);
        assertThat(completed.subList(3, completed.size())).doesNotContainAnyElementsOf(firstRun);
    }

    @Test
    void aKillMidBatchLeavesAStoreFromWhichARestartCompletesEveryJobEventOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean crashed = new AtomicBoolean();
        CountDownLatch blocked = blockTheFourthEvent(release, crashed);
        List<String> jobs = startJobsThatFinish();
        assertThat(blocked.await(10, TimeUnit.SECONDS)).as("the route blocked mid-batch").isTrue();

        // kill -9 now: the store is what the file holds at this instant; nothing of the stop below reaches it
        Path crashCopy = Files.copy(storeFile, dir.resolve("tasks-at-crash.dat"));
        crashed.set(true);
        release.countDown();
        context.stop();
        assertThat(completed).hasSize(3);

        step = (jobId, attempt) -> { };
        storeFile = crashCopy;
        restart();

        awaitEveryJobCompleted(jobs);
    }

    @Test
    void aKillBeforeTheFirstPollLosesNoRegisteredTask() throws Exception {
        consumerOptions = "delay=50&initialDelay=3600000"; // the first run never polls
        restart();
        List<String> jobs = startJobsThatFinish();

        Path crashCopy = Files.copy(storeFile, dir.resolve("tasks-at-crash.dat"));
        context.stop();
        consumerOptions = "delay=50&initialDelay=0";
        storeFile = crashCopy;
        restart();

        awaitEveryJobCompleted(jobs);
    }

    @Test
    void eventsTheRouteFailsAreRedeliveredUntilTheySucceedAndNeverAfter() throws Exception {
        AtomicReference<String> poison = new AtomicReference<>();
        Set<String> failOnce = ConcurrentHashMap.newKeySet();
        step = (jobId, attempt) -> {
            poison.compareAndSet(null, jobId); // the first event seen always fails
            if (jobId.equals(poison.get()) || attempt == 1 && failOnce.size() < 4 && failOnce.add(jobId)) {
                throw new IllegalStateException("downstream refused " + jobId);
            }
        };
        List<String> jobs = startJobsThatFinish();

        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() >= JOBS - 1
                                                             && attempts.get(poison.get()).get() >= 3);
        awaitFurtherPolls();
        restart(); // what was delivered or given up survives a restart too
        awaitFurtherPolls();

        assertThat(completed).as("each good event completed once").hasSize(JOBS - 1).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(jobs.stream().filter(id -> !id.equals(poison.get())).toList());
        assertThat(failOnce).hasSize(4).allSatisfy(id -> assertThat(attempts.get(id).get()).as(id).isEqualTo(2));
        assertThat(attempts.get(poison.get()).get()).as("attempts on the poison event (maxDeliveryAttempts)").isEqualTo(3);
        assertThat(logs.warnings()).filteredOn(line -> line.level() == Level.WARN)
                .anyMatch(line -> line.text().contains("Giving up delivering " + poison.get()));
    }

    /**
     * Waits for five further polls of the consumer, counted by its GetTasks of a task it follows that keeps running
     * (its jobs end only when the simulator's clock moves, which the tests do no more by then; the task store keeps it
     * across a restart): five polls in which a duplicate would show.
     */
    private void awaitFurtherPolls() {
        if (sentinel == null) {
            Exchange out = call("koophone:asyncCommand", null,
                    Map.of(KooPhoneConstants.INSTANCE_IDS, sim.inventory().ids().get(9), KooPhoneConstants.COMMAND, "ls"));
            assertThat(out.getException()).isNull();
            sentinel = out.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class);
        }
        awaitFurther(sim, getTaskOf(sentinel), 5);
    }
}
