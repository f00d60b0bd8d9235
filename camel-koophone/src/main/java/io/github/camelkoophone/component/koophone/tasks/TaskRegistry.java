package io.github.camelkoophone.component.koophone.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where producers register the tasks they started, one per component. Every registration goes to every running
 * koophone:tasks consumer, so each consumer sees every event. Registrations made while no consumer runs are kept
 * (up to a bound) for the first consumer that starts, so route start-up order does not lose tasks.
 */
public final class TaskRegistry {

    static final int MAX_UNCLAIMED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TaskRegistry.class);

    private final Set<TaskWatcher> watchers = new CopyOnWriteArraySet<>();
    private final Map<String, TaskRegistration> unclaimed = new LinkedHashMap<>();

    public void register(TaskResult task, KooPhoneOperation operation) {
        if (task != null && task.getTaskId() != null) {
            register(TaskRegistration.of(task, operation));
        }
    }

    public void register(TaskRegistration task) {
        // with a consumer running (the usual case) no lock is taken; attach() drains under the lock, so the check
        // is repeated there before a task is kept
        if (watchers.isEmpty() && keptForLater(task)) {
            return;
        }
        for (TaskWatcher watcher : watchers) {
            watcher.watch(task);
        }
    }

    private synchronized boolean keptForLater(TaskRegistration task) {
        if (!watchers.isEmpty()) {
            return false;
        }
        if (unclaimed.size() >= MAX_UNCLAIMED) {
            String oldest = unclaimed.keySet().iterator().next();
            unclaimed.remove(oldest);
            LOG.warn("No koophone:tasks consumer is running and {} tasks wait for one: forgetting task {}",
                    MAX_UNCLAIMED, oldest);
        }
        unclaimed.put(task.taskId(), task);
        return true;
    }

    public void attach(TaskWatcher watcher) {
        List<TaskRegistration> waiting;
        synchronized (this) {
            watchers.add(watcher);
            waiting = new ArrayList<>(unclaimed.values());
            unclaimed.clear();
        }
        waiting.forEach(watcher::watch);
    }

    public void detach(TaskWatcher watcher) {
        watchers.remove(watcher);
    }
}
