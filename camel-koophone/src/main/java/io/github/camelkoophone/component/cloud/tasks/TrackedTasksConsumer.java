package io.github.camelkoophone.component.koophone.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.Executor;

import io.github.camelkoophone.component.koophone.KooPhoneEndpoint;
import io.github.camelkoophone.component.koophone.model.JobStatus;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows registered tasks (a KooPhone task, a CPH request id: anything whose jobs one call lists) with at most
 * {@code pollConcurrency} queries in flight, and emits one exchange per finished job, or per finished task in
 * per-task mode. An event counts as delivered only when its exchange completed without exception; a failed one is
 * offered again on later polls, up to {@code maxDeliveryAttempts}. State lives in a {@link StateRepository}, so a
 * restart resumes where it stopped. Subclasses say how to query a task's jobs and what the events look like.
 *
 * @param <J> the service's job type
 */
public abstract class TrackedTasksConsumer<J> extends ScheduledBatchPollingConsumer implements TaskWatcher {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String TIMED_OUT = "TIMED_OUT";
    private static final Logger LOG = LoggerFactory.getLogger(TrackedTasksConsumer.class);
    /** The share of the delay over which a fixed-rate poll spreads its job queries, leaving the rest as slack. */
    static final double SPREAD = 0.75;

    /**
     * What the machinery needs from the endpoint's options.
     *
     * @param initialTaskIds      comma-separated ids to watch from the start, or null
     * @param perTask             one event per task rather than per job
     * @param taskTimeout         ms after registration when an unfinished task is emitted as TIMED_OUT
     * @param store               where state survives restarts, or null for memory
     * @param storePrefix         the prefix of the store's keys
     * @param pollConcurrency     job queries in flight per poll
     * @param maxDeliveryAttempts failed deliveries before an event is given up
     * @param worker              runs the queries side by side
     * @param registry            the component's registry producers register tasks with
     */
    public record Settings(String initialTaskIds, boolean perTask, long taskTimeout, StateRepository<String, String> store,
                           String storePrefix, int pollConcurrency, int maxDeliveryAttempts, Executor worker,
                           TaskRegistry registry) {
    }

    /** An event waiting for delivery: its task, its delivery key and the message to send. */
    private record Pending(TrackedTask task, String key, Object body, String jobId, String instanceId, String status) {
    }

    /** The outcome of one job query. */
    private record Polled<J>(TrackedTask task, List<J> jobs, Throwable failure) {
    }

    private final Map<String, TrackedTask> tasks = new ConcurrentHashMap<>();
    /** Tasks whose every event was produced; removed once all of them are delivered. */
    private final Map<TrackedTask, Set<String>> ending = new ConcurrentHashMap<>();
    private Settings settings;
    private StateRepository<String, String> repository;
    private TaskStore store;
    private volatile boolean indexDirty;

    protected TrackedTasksConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The options; called once at start (may fail, naming a wrong option). */
    protected abstract Settings settings();

    /** The jobs of a task as the API reports them now. */
    protected abstract CompletableFuture<List<J>> queryJobs(String taskId);

    protected abstract String jobId(J job);

    /** The instance (phone) a job runs on, when the job says. */
    protected abstract String instanceId(J job);

    protected abstract Integer status(J job);

    /** The body of the event for a finished job. */
    protected abstract Object jobEvent(String taskId, J job, String instanceId);

    /** The body of the event for a job that had not finished when its task timed out ({@code jobId} may be null). */
    protected abstract Object timedOutJob(String taskId, String jobId, String instanceId, String reason);

    /** The body of the per-task event. */
    protected abstract Object taskEvent(String taskId, String operation, String status, List<Object> jobEvents);

    /** Sets the event headers. */
    protected abstract void setHeaders(Message message, String taskId, String jobId, String instanceId, String status,
                                       String operation);

    /** How events are named in log and exception messages, e.g. {@code koophone:tasks}. */
    protected String eventSource() {
        return getEndpoint().getEndpointBaseUri();
    }

    @Override
    protected void doStart() throws Exception {
        settings = settings();
        // without a store the map of tracked tasks is all the state there is: nothing survives a restart anyway
        repository = settings.store();
        ServiceHelper.startService(repository);
        store = repository != null ? new TaskStore(repository, settings.storePrefix()) : TaskStore.NONE;
        tasks.putAll(store.load());
        if (!tasks.isEmpty()) {
            LOG.info("Resuming {} pending tasks from the task store", tasks.size());
        }
        if (settings.initialTaskIds() != null) {
            Arrays.stream(settings.initialTaskIds().split(",")).map(String::trim).filter(id -> !id.isEmpty())
                    .forEach(id -> watch(TaskRegistration.of(id, null)));
        }
        settings.registry().attach(this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        if (settings != null) {
            settings.registry().detach(this);
        }
        super.doStop();
        if (store != null) {
            store.compact(tasks.keySet());
        }
        ServiceHelper.stopService(repository);
    }

    @Override
    public void watch(TaskRegistration registration) {
        String operation = registration.operation() == null ? null : registration.operation().name();
        TrackedTask task = new TrackedTask(registration.taskId(), operation, System.currentTimeMillis(),
                registration.jobIds(), registration.instanceIds());
        if (tasks.putIfAbsent(registration.taskId(), task) == null) {
            store.added(task);
            indexDirty = true;
        }
    }

    /** How many tasks this consumer follows. */
    public int pendingTasks() {
        return tasks.size();
    }

    @Override
    protected int poll() throws Exception {
        if (indexDirty) {
            indexDirty = false;
            store.compact(tasks.keySet());
        }
        // ending tasks are polled again too: that is how an event whose delivery failed is offered again
        List<TrackedTask> due = new ArrayList<>(tasks.values());
        int n = due.size();
        if (n == 0) {
            return 0;
        }
        int concurrency = settings.pollConcurrency();
        // At a fixed rate the job queries are spread over most of the delay, each task at the same offset every
        // poll: each is asked about once per delay whatever the others cost, and the API sees a steady rate rather
        // than a burst of thousands at the start of each poll.
        long spread = isUseFixedDelay() ? 0 : (long) (getTimeUnit().toNanos(getDelay()) * SPREAD);
        long start = System.nanoTime();
        // Answers are handed to this thread as they arrive and their events delivered while other queries are still
        // in flight: an event waits for its own query, not for the slowest of a poll of thousands.
        BlockingQueue<Polled<J>> arrived = new LinkedBlockingQueue<>();
        List<Polled<J>> batch = new ArrayList<>();
        int started = 0;
        int received = 0;
        int failed = 0;
        int processed = 0;
        Throwable lastFailure = null;
        while (received < n) {
            long now = System.nanoTime();
            while (started < n && started - received < concurrency && now - start >= spread * started / n && isRunAllowed()) {
                TrackedTask task = due.get(started++);
                try {
                    CompletableFuture.supplyAsync(() -> query(task), settings.worker()).thenCompose(Function.identity())
                            .whenComplete((result, failure) -> arrived.add(result != null ? result : new Polled<>(task, null, unwrap(failure))));
                } catch (RuntimeException e) {
                    arrived.add(new Polled<>(task, null, e)); // the pool refused it (stopping)
                }
            }
            long wait = started < n && started - received < concurrency
                    ? start + spread * started / n - now : TimeUnit.MILLISECONDS.toNanos(100);
            Polled<J> first = wait <= 0 ? arrived.poll() : arrived.poll(wait, TimeUnit.NANOSECONDS);
            if (first == null) {
                if (!isRunAllowed()) {
                    break; // stopping: the tasks not seen this time are polled after a restart
                }
                continue;
            }
            batch.add(first);
            arrived.drainTo(batch);
            Queue<Object> events = new ArrayDeque<>();
            long millis = System.currentTimeMillis();
            for (Polled<J> result : batch) {
                received++;
                if (result.failure() != null) {
                    failed++;
                    lastFailure = result.failure();
                    LOG.debug("Job query of {} failed: {}", result.task().taskId, result.failure().getMessage());
                }
                collect(result, millis, events);
            }
            batch.clear();
            if (!events.isEmpty()) {
                processed += processBatch(events);
            }
        }
        if (received > 0 && failed == received) {
            // every call failed (auth, network): let the scheduler back off and the health check report it
            throw lastFailure instanceof Exception e ? e : new IllegalStateException(lastFailure);
        }
        return processed;
    }

    private CompletableFuture<Polled<J>> query(TrackedTask task) {
        try {
            return queryJobs(task.taskId).handle((jobs, failure) -> new Polled<>(task, jobs, unwrap(failure)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Polled<>(task, null, e));
        }
    }

    private void collect(Polled<J> polled, long now, Queue<Object> events) {
        TrackedTask task = polled.task();
        List<J> jobs = polled.jobs() == null ? List.of() : polled.jobs();
        for (J job : jobs) {
            task.learnJob(jobId(job), instanceId(job));
        }
        boolean finished = !jobs.isEmpty() && jobs.stream().allMatch(job -> JobStatus.isTerminal(status(job)));
        boolean timedOut = !finished && now - task.registeredAt > settings.taskTimeout();
        if (!finished && !timedOut) {
            if (!settings.perTask()) {
                jobs.stream().filter(job -> JobStatus.isTerminal(status(job))).forEach(job -> offer(task, job, events));
            }
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        if (settings.perTask()) {
            keys.add(TrackedTask.WHOLE_TASK);
            if (!task.isDone(TrackedTask.WHOLE_TASK)) {
                events.add(wholeTaskEvent(task, jobs, timedOut));
            }
        } else {
            for (J job : jobs) {
                keys.add(jobId(job));
                if (JobStatus.isTerminal(status(job))) {
                    offer(task, job, events);
                } else if (!task.isDone(jobId(job))) {
                    events.add(timedOutJob(task, jobId(job)));
                }
            }
            for (String jobId : task.jobIds()) {
                if (keys.add(jobId) && !task.isDone(jobId)) {
                    events.add(timedOutJob(task, jobId));
                }
            }
            if (keys.isEmpty()) {
                keys.add(TrackedTask.WHOLE_TASK);
                if (!task.isDone(TrackedTask.WHOLE_TASK)) {
                    events.add(new Pending(task, TrackedTask.WHOLE_TASK,
                            timedOutJob(task.taskId, null, null, "task did not finish within taskTimeout"), null, null, TIMED_OUT));
                }
            }
        }
        keys.removeIf(task::isDone);
        if (keys.isEmpty()) {
            forget(task);
        } else {
            ending.put(task, keys);
        }
    }

    private void offer(TrackedTask task, J job, Queue<Object> events) {
        if (task.isDone(jobId(job))) {
            return;
        }
        String instanceId = instanceOf(task, job);
        events.add(new Pending(task, jobId(job), jobEvent(task.taskId, job, instanceId), jobId(job), instanceId,
                statusName(status(job))));
    }

    private Pending timedOutJob(TrackedTask task, String jobId) {
        String instanceId = task.instanceOf(jobId);
        Object event = timedOutJob(task.taskId, jobId, instanceId, "job did not finish within taskTimeout");
        return new Pending(task, jobId, event, jobId, instanceId, TIMED_OUT);
    }

    private Pending wholeTaskEvent(TrackedTask task, List<J> jobs, boolean timedOut) {
        List<Object> events = new ArrayList<>(jobs.size());
        boolean anyFailed = false;
        for (J job : jobs) {
            events.add(jobEvent(task.taskId, job, instanceOf(task, job)));
            anyFailed |= status(job) != null && status(job) == JobStatus.FAILED;
        }
        String status = timedOut ? TIMED_OUT : anyFailed ? FAILED : SUCCEEDED;
        return new Pending(task, TrackedTask.WHOLE_TASK, taskEvent(task.taskId, task.operation, status, events), null, null,
                status);
    }

    private String instanceOf(TrackedTask task, J job) {
        return instanceId(job) != null ? instanceId(job) : task.instanceOf(jobId(job));
    }

    static String statusName(Integer status) {
        return status != null && status == JobStatus.SUCCEEDED ? SUCCEEDED : FAILED;
    }

    @Override
    public int processBatch(Queue<Object> events) throws Exception {
        int total = events.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Pending pending = (Pending) events.poll();
            Exchange exchange = KooPhoneEndpoint.batchExchange(createExchange(false), index, total);
            Message message = exchange.getMessage();
            message.setBody(pending.body());
            setHeaders(message, pending.task().taskId, pending.jobId(), pending.instanceId(), pending.status(),
                    pending.task().operation);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            settle(pending, exchange);
            releaseExchange(exchange, false);
        }
        return total;
    }

    private void settle(Pending pending, Exchange exchange) {
        TrackedTask task = pending.task();
        Exception failure = exchange.getException();
        if (failure == null) {
            task.delivered(pending.key());
        } else {
            int attempts = task.failed(pending.key());
            if (attempts >= settings.maxDeliveryAttempts()) {
                task.givenUp(pending.key());
                LOG.warn("Giving up delivering {} of task {} after {} failed attempts", pending.key(), task.taskId, attempts);
            }
            getExceptionHandler().handleException("Failed to deliver a " + eventSource() + " event (attempt " + attempts + ")",
                    exchange, failure);
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
    }

    private void forget(TrackedTask task) {
        ending.remove(task);
        tasks.remove(task.taskId);
        store.remove(task.taskId);
        indexDirty = true;
    }

    protected static Throwable unwrap(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
