package io.github.camelkoophone.component.cloud.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.TraceLogCapture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRegistryTest {

    /** Records every task it is given. */
    static final class Recorder implements TaskWatcher {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void watch(TaskRegistration task) {
            seen.add(task.taskId());
        }
    }

    private static TaskRegistration task(String id) {
        return TaskRegistration.of(id, KooPhoneOperation.asyncCommand);
    }

    @Test
    void tasksRegisteredBeforeAnyConsumerGoToTheFirstOneOldestFirst() {
        TaskRegistry registry = new TaskRegistry("trackTasks");
        registry.register(task("t1"));
        registry.register(task("t2"));
        Recorder first = new Recorder();
        registry.attach(first);
        registry.register(task("t3"));
        Recorder second = new Recorder();
        registry.attach(second);
        registry.register(task("t4"));

        assertThat(first.seen).containsExactly("t1", "t2", "t3", "t4");
        assertThat(second.seen).containsExactly("t4");
    }

    /** Producers keep registering while the consumer starts: every task arrives exactly once. */
    @RepeatedTest(5)
    void aConsumerStartingDuringRegistrationsLosesAndRepeatsNothing() throws Exception {
        TaskRegistry registry = new TaskRegistry("trackTasks");
        Recorder consumer = new Recorder();
        int threads = 4;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                producers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        registry.register(task(thread + "-" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            registry.attach(consumer);
            for (Future<?> producer : producers) {
                producer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> seen = new ArrayList<>(consumer.seen);
        Set<String> distinct = new HashSet<>(seen);
        assertThat(distinct).as("every task").hasSize(threads * perThread);
        assertThat(seen).as("each once").hasSize(threads * perThread);
    }

    /** Tasks no consumer claims: the registry's warnings about them, captured. */
    @Nested
    class Forgotten {

        @RegisterExtension
        final TraceLogCapture logs = new TraceLogCapture().expectLines(TaskRegistry.class.getName(), Level.WARN);

        @Test
        void withNoConsumerOnlyTheNewestTasksAreKeptAndTheLossIsLoggedRarely() {
            TaskRegistry registry = new TaskRegistry("trackTasks");
            int extra = TaskRegistry.MAX_UNCLAIMED + 5;
            for (int i = 0; i < TaskRegistry.MAX_UNCLAIMED + extra; i++) {
                registry.register(task("t" + i));
            }
            Recorder consumer = new Recorder();
            registry.attach(consumer);

            assertThat(consumer.seen).hasSize(TaskRegistry.MAX_UNCLAIMED);
            assertThat(consumer.seen.get(0)).isEqualTo("t" + extra);
            assertThat(consumer.seen.get(consumer.seen.size() - 1)).isEqualTo("t" + (TaskRegistry.MAX_UNCLAIMED + extra - 1));
            // 10,005 forgotten: a warning for the first and one for the 10,000th, not one per call
            List<TraceLogCapture.Line> warnings = logs.warnings().stream()
                    .filter(line -> line.logger().equals(TaskRegistry.class.getName())).toList();
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0).text()).contains("1 task(s) forgotten so far, the latest t0", "trackTasks=false");
            assertThat(warnings.get(1).text()).contains("10000 task(s) forgotten so far");
        }

        /** Producers on several threads overrun the bound with no consumer: a bound's worth is kept, each once. */
        @Test
        void concurrentProducersOverrunningTheBoundLeaveExactlyTheBoundsWorth() throws Exception {
            TaskRegistry registry = new TaskRegistry("trackTasks");
            int threads = 4;
            int perThread = TaskRegistry.MAX_UNCLAIMED / 2 + 1_000;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> producers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    producers.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            registry.register(task(thread + "-" + i));
                        }
                        return null;
                    }));
                }
                for (Future<?> producer : producers) {
                    producer.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            Recorder consumer = new Recorder();
            registry.attach(consumer);

            assertThat(consumer.seen).hasSize(TaskRegistry.MAX_UNCLAIMED).doesNotHaveDuplicates();
            // 14,000 forgotten, each by the registration that took its slot: warnings for the first and the 10,000th
            List<TraceLogCapture.Line> warnings = logs.warnings().stream()
                    .filter(line -> line.logger().equals(TaskRegistry.class.getName())).toList();
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(1).text()).contains(TaskRegistry.MAX_UNCLAIMED + " task(s) forgotten so far");
        }
    }
}
