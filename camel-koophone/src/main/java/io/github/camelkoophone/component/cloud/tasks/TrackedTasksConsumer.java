package io.github.camelkoophone.component.cloud.tasks;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.github.camelkoophone.component.cloud.consumer.EventConsumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows registered tasks (a KooPhone task, a CPH request: anything whose jobs one query lists) and emits one
 * exchange per job that ended, or per task in per-task mode. The pace of the queries is {@link PollPacer}'s, the
 * events {@link JobCollector}'s, how a service's jobs are queried and told its {@link JobSource}'s. An event counts
 * as delivered only when its exchange completed without exception; a failed one is offered again on later polls,
 * up to {@code maxDeliveryAttempts}. State lives in a {@link StateRepository} when one is given, so a restart
 * resumes where it stopped. A poll in which every query failed throws, so Camel backs off and its health check
 * reports the failure.
 *
 * @param <J> the service's job
 */
public class TrackedTasksConsumer<J> extends EventConsumer implements TaskLog.Follower {

    public static final String SUCCEEDED = JobCollector.SUCCEEDED;
    public static final String FAILED = JobCollector.FAILED;
    public static final String TIMED_OUT = JobCollector.TIMED_OUT;
    private static final Logger LOG = LoggerFactory.getLogger(TrackedTasksConsumer.class);
    /** The share of the delay over which a fixed-rate poll spreads its queries, leaving the rest as slack. */
    static final double SPREAD = 0.75;

    /**
     * What the machinery needs from the endpoint.
     *
     * @param tracking            the service's own tracking options
     * @param service             the service, as the task log knows it ({@code koophone}, {@code cph}); also the
     *                            prefix of the store's keys, so services can share a repository
     * @param pollConcurrency     queries in flight per poll
     * @param maxDeliveryAttempts failed deliveries before an event is given up
     * @param maxPollInterval     the longest interval between two checks of a task
     * @param worker              runs the queries side by side
     * @param log                 where the tasks to follow come from and progress is recorded
     * @param headers             the service's event header names
     * @param eventSource         how events are named in log lines, e.g. {@code koophone:tasks}
     * @param clock               tasks' ages and timeouts (the component's, which tests move)
     */
    public record Settings(Tracking tracking, String service, int pollConcurrency, int maxDeliveryAttempts,
                           long maxPollInterval, Executor worker, TaskLog log, EventHeaders headers, String eventSource,
                           Clock clock) {
    }

    private final JobSource<J> jobs;
    private final Supplier<Settings> options;
    private final Map<String, TrackedTask> tasks = new ConcurrentHashMap<>();
    /** Tasks with nothing more to report but events still owed; forgotten once those are settled. */
    private final Map<TrackedTask, Set<String>> ending = new ConcurrentHashMap<>();
    private Settings settings;
    private TaskStore store;
    private TaskLog.Following following;
    private JobCollector<J> collector;
    private PollSchedule schedule;
    private volatile boolean indexDirty;

    /**
     * @param jobs     how the service's tasks are queried and told
     * @param settings the endpoint's, read once at start (may fail, naming a wrong option)
     */
    protected TrackedTasksConsumer(Endpoint endpoint, Processor processor, JobSource<J> jobs, Supplier<Settings> settings) {
        super(endpoint, processor);
        this.jobs = jobs;
        this.options = settings;
    }

    @Override
    protected void doStart() throws Exception {
        settings = options.get();
        schedule = new PollSchedule(getTimeUnit().toMillis(getDelay()), settings.maxPollInterval());
        Tracking tracking = settings.tracking();
        collector = new JobCollector<>(jobs, tracking.perTask(), tracking.taskTimeout(), settings.headers(),
                settings.eventSource(), new Ledger());
        // without a store the map of followed tasks is all the state there is: nothing survives a restart anyway
        ServiceHelper.startService(tracking.store());
        boolean ownStore = tracking.store() != null && !settings.log().keepsProgress();
        if (tracking.store() != null && !ownStore) {
            LOG.warn("{}: the taskStore is not used: the task log keeps what this consumer delivered", settings.eventSource());
        }
        store = ownStore ? new TaskStore(tracking.store(), settings.service()) : TaskStore.NONE;
        tasks.putAll(store.load());
        if (!tasks.isEmpty()) {
            LOG.info("Resuming {} pending tasks from the task store", tasks.size());
        }
        following = settings.log().follow(settings.service(), getEndpoint().getEndpointKey(), this);
        if (tracking.initialTaskIds() != null) {
            Arrays.stream(tracking.initialTaskIds().split(",")).map(String::trim).filter(id -> !id.isEmpty())
                    .forEach(id -> following.adopt(TaskRegistration.of(id, null)));
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        if (following != null) {
            // kept, closed: a poll still settling an event records into a closed following, which ignores it
            following.close();
        }
        super.doStop();
        if (store != null) {
            store.compact(tasks.keySet());
        }
        if (settings != null) {
            ServiceHelper.stopService(settings.tracking().store());
        }
    }

    @Override
    public void follow(String taskId, String state) {
        TrackedTask task;
        try {
            task = TrackedTask.decode(taskId, state);
        } catch (RuntimeException e) {
            LOG.warn("Not following task {}: its recorded state cannot be read ({})", taskId, e.getMessage());
            return;
        }
        task.explores = schedule.explores(task.operation);
        task.nextCheckAt = schedule.first(task.operation, task.registeredAt, task.explores);
        if (tasks.putIfAbsent(taskId, task) == null) {
            store.added(task);
            indexDirty = true;
        }
    }

    @Override
    public void unfollow(Collection<String> taskIds) {
        delivering.lock();
        try {
            for (String taskId : taskIds) {
                TrackedTask task = tasks.remove(taskId);
                if (task != null) {
                    ending.remove(task);
                    store.remove(taskId);
                    indexDirty = true;
                }
            }
        } finally {
            delivering.unlock();
        }
    }

    @ManagedAttribute(description = "How many tasks this consumer follows")
    public int getPendingTasks() {
        return tasks.size();
    }

    @Override
    protected IntSupplier pendingGauge() {
        return tasks::size;
    }

    @Override
    protected int pollEvents() throws Exception {
        if (indexDirty) {
            indexDirty = false;
            store.compact(tasks.keySet());
        }
        long now = settings.clock().millis();
        List<TrackedTask> due = new ArrayList<>();
        for (TrackedTask task : tasks.values()) {
            // ending tasks are asked about at every poll: that is how an event whose delivery failed is offered again
            if (schedule.due(task.nextCheckAt, now) || ending.containsKey(task)) {
                due.add(task);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        // the poll spreads its queries in this order: the longest overdue first
        due.sort(Comparator.comparingLong(task -> task.nextCheckAt));
        // spread only at a fixed rate: with a fixed delay the next poll waits for this one anyway
        long spread = isUseFixedDelay() ? 0 : (long) (getTimeUnit().toNanos(getDelay()) * SPREAD);
        PollPacer.Summary poll = PollPacer.run(due, settings.pollConcurrency(), spread, settings.worker(), this::query,
                this::isRunAllowed, this::deliver);
        if (poll.everyQueryFailed()) {
            // every query failed (credentials, network): let the scheduler back off and the health check report it
            Throwable failure = poll.lastFailure();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
        return poll.delivered();
    }

    private CompletableFuture<List<J>> query(TrackedTask task) {
        try {
            return jobs.query(task.taskId);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private int deliver(List<PollPacer.Answer<TrackedTask, List<J>>> answers) throws Exception {
        Queue<Object> events = new ArrayDeque<>();
        long now = settings.clock().millis();
        for (PollPacer.Answer<TrackedTask, List<J>> answer : answers) {
            TrackedTask task = answer.task();
            if (answer.failure() != null) {
                // asked about again at the next poll, as before the schedule
                LOG.debug("Job query of {} failed: {}", task.taskId, answer.failure().getMessage());
            } else {
                task.nextCheckAt = schedule.next(task.registeredAt, now);
            }
            if (collector.collect(task, answer.result(), now, events) && !task.endSeen) {
                task.endSeen = true;
                if (task.explores) {
                    schedule.learn(task.operation, now - task.registeredAt);
                }
            }
        }
        return events.isEmpty() ? 0 : processBatch(events);
    }

    /** What the collector's decisions and the events' deliveries change in this consumer's state. */
    private final class Ledger implements JobCollector.Ledger {

        @Override
        public void ending(TrackedTask task, Set<String> keys) {
            ending.put(task, keys);
        }

        @Override
        public boolean follows(TrackedTask task) {
            return tasks.get(task.taskId) == task;
        }

        @Override
        public void settle(TrackedTask task, String key, Exception failure) {
            if (failure == null) {
                task.delivered(key);
            } else {
                int failures = task.failed(key);
                if (failures >= settings.maxDeliveryAttempts()) {
                    task.givenUp(key);
                    LOG.warn("Giving up delivering {} of task {} after {} failed attempts", key, task.taskId, failures);
                }
            }
            Set<String> owed = ending.get(task);
            if (owed != null) {
                owed.removeIf(task::isDone);
                if (owed.isEmpty()) {
                    forget(task);
                    return;
                }
            }
            store.save(task);
            following.record(task.taskId, task.encode());
        }

        @Override
        public void forget(TrackedTask task) {
            TrackedTasksConsumer.this.forget(task);
        }
    }

    private void forget(TrackedTask task) {
        ending.remove(task);
        // only while still followed: a task the log moved to another consumer is that one's to end
        if (tasks.remove(task.taskId, task)) {
            store.remove(task.taskId);
            following.done(task.taskId);
            indexDirty = true;
        }
    }
}
