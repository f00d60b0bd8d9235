package io.github.camelkoophone.component.koophone.tasks;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where producers register the tasks they started, one per component. Every registration goes to every running
 * koophone:tasks consumer, so each consumer sees every event. Registrations made while no consumer runs are kept
 * (up to a bound) for the first consumer that starts, so route start-up order does not lose tasks.
 * <p>
 * No lock is taken: producers on many threads register at once, and a lock per task-returning call showed as
 * contention in benchmarks. A task kept while no consumer ran is handed over by whichever thread takes it from the
 * queue first, the starting consumer or a producer that sees a consumer has started meanwhile, so none is lost or
 * delivered twice.
 */
public final class TaskRegistry {

    static final int MAX_UNCLAIMED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TaskRegistry.class);

    private final Set<TaskWatcher> watchers = new CopyOnWriteArraySet<>();
    private final Queue<TaskRegistration> unclaimed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unclaimedCount = new AtomicInteger();
    private final AtomicLong forgotten = new AtomicLong();
    /** Runs between finding no consumer and keeping a task: tests start a consumer there. */
    private final Runnable beforeKeeping;

    public TaskRegistry() {
        this(() -> { });
    }

    TaskRegistry(Runnable beforeKeeping) {
        this.beforeKeeping = beforeKeeping;
    }

    public void register(TaskResult task, KooPhoneOperation operation) {
        if (task != null && task.getTaskId() != null) {
            register(TaskRegistration.of(task, operation));
        }
    }

    public void register(TaskRegistration task) {
        if (watchers.isEmpty()) {
            beforeKeeping.run();
            keepForLater(task);
            if (watchers.isEmpty()) {
                return;
            }
            handOver(); // a consumer attached while this was kept: it may have drained the queue before
            return;
        }
        for (TaskWatcher watcher : watchers) {
            watcher.watch(task);
        }
    }

    private void keepForLater(TaskRegistration task) {
        unclaimed.add(task);
        if (unclaimedCount.incrementAndGet() <= MAX_UNCLAIMED) {
            return;
        }
        TaskRegistration oldest = unclaimed.poll();
        if (oldest == null) {
            return; // taken by a consumer in the meantime
        }
        unclaimedCount.decrementAndGet();
        long count = forgotten.incrementAndGet();
        // once, then every bound's worth: a producer with no consumer would otherwise log on every call
        if (count == 1 || count % MAX_UNCLAIMED == 0) {
            LOG.warn("No koophone:tasks consumer is running and {} tasks wait for one: {} task(s) forgotten so far, "
                     + "the latest {} (set trackTasks=false on endpoints whose tasks nobody follows)",
                    MAX_UNCLAIMED, count, oldest.taskId());
        }
    }

    public void attach(TaskWatcher watcher) {
        watchers.add(watcher);
        handOver();
    }

    /** Gives every kept task, oldest first, to the consumers running now. */
    private void handOver() {
        for (TaskRegistration task = unclaimed.poll(); task != null; task = unclaimed.poll()) {
            unclaimedCount.decrementAndGet();
            for (TaskWatcher watcher : watchers) {
                watcher.watch(task);
            }
        }
    }

    public void detach(TaskWatcher watcher) {
        watchers.remove(watcher);
    }
}
