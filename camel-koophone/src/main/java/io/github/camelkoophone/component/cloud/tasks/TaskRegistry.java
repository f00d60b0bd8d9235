package io.github.camelkoophone.component.cloud.tasks;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where producers register the tasks they started, one per component. Every registration goes to every running
 * task-following consumer of the component, so each consumer sees every event. Registrations made while no consumer
 * runs are kept (up to a bound) for the first consumer that starts, so route start-up order does not lose tasks.
 * <p>
 * No lock is taken, as producers on many threads register at once. A task kept while no consumer ran is handed over
 * by whichever thread takes it from its slot first, the starting consumer or a producer that sees a consumer has
 * started meanwhile, so none is lost or delivered twice.
 */
public final class TaskRegistry {

    static final int MAX_UNCLAIMED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TaskRegistry.class);

    private final Set<TaskWatcher> watchers = new CopyOnWriteArraySet<>();
    /**
     * Tasks kept while no consumer runs: a ring whose slot for the n-th kept task is n % MAX_UNCLAIMED, so keeping
     * one is an increment and a swap, and the swap hands back the task it forgets once the ring is full.
     */
    private final AtomicReferenceArray<TaskRegistration> unclaimed = new AtomicReferenceArray<>(MAX_UNCLAIMED);
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong forgotten = new AtomicLong();
    private final String trackingOption;

    /** @param trackingOption the endpoint option that turns registration off, named when tasks are forgotten */
    public TaskRegistry(String trackingOption) {
        this.trackingOption = trackingOption;
    }

    public void register(TaskRegistration task) {
        if (watchers.isEmpty()) {
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
        TaskRegistration oldest = unclaimed.getAndSet((int) (kept.getAndIncrement() % MAX_UNCLAIMED), task);
        if (oldest == null) {
            return;
        }
        long count = forgotten.incrementAndGet();
        // once, then every bound's worth: a producer with no consumer would otherwise log on every call
        if (count == 1 || count % MAX_UNCLAIMED == 0) {
            LOG.warn("No task-following consumer is running and {} tasks wait for one: {} task(s) forgotten so far, "
                     + "the latest {} (set {}=false on endpoints whose tasks nobody follows)",
                    MAX_UNCLAIMED, count, oldest.taskId(), trackingOption);
        }
    }

    public void attach(TaskWatcher watcher) {
        watchers.add(watcher);
        handOver();
    }

    /**
     * Gives every kept task, oldest first, to the consumers running now. Each slot is emptied with a swap, so a task
     * goes to the consumers once, whether this runs in the starting consumer, in a producer, or in both at once.
     */
    private void handOver() {
        long next = kept.get();
        if (next == 0) {
            return; // nothing was ever kept: the usual start
        }
        int from = (int) (next % MAX_UNCLAIMED);
        for (int i = 0; i < MAX_UNCLAIMED; i++) {
            TaskRegistration task = unclaimed.getAndSet((from + i) % MAX_UNCLAIMED, null);
            if (task != null) {
                for (TaskWatcher watcher : watchers) {
                    watcher.watch(task);
                }
            }
        }
    }

    public void detach(TaskWatcher watcher) {
        watchers.remove(watcher);
    }
}
