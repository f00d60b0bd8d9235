package io.github.camelkoophone.component.koophone.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.component.koophone.KooPhoneEndpoint;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.api.Inputs;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.JobEvent;
import io.github.camelkoophone.component.koophone.model.JobStatus;
import io.github.camelkoophone.component.koophone.model.TaskEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code koophone:tasks}: follows registered tasks with GetTask (at most {@code pollConcurrency} in flight) and
 * emits one exchange per finished job, or per finished task with {@code eventMode=task}. An event counts as
 * delivered only when its exchange completed without exception; a failed one is offered again on later polls,
 * up to {@code maxDeliveryAttempts}. State lives in {@code taskStore}, so a restart resumes where it stopped.
 */
public class KooPhoneTasksConsumer extends ScheduledBatchPollingConsumer implements TaskWatcher {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String TIMED_OUT = "TIMED_OUT";
    private static final Logger LOG = LoggerFactory.getLogger(KooPhoneTasksConsumer.class);
    /** The share of the delay over which a fixed-rate poll spreads its GetTasks, leaving the rest as slack. */
    static final double SPREAD = 0.75;

    /** An event waiting for delivery: its task, its delivery key and the message to send. */
    private record Pending(TrackedTask task, String key, Object body, String jobId, String instanceId, String status) {
    }

    /** The outcome of one GetTask. */
    private record Polled(TrackedTask task, GetTaskResult result, Throwable failure) {
    }

    private final Map<String, TrackedTask> tasks = new ConcurrentHashMap<>();
    /** Tasks whose every event was produced; removed once all of them are delivered. */
    private final Map<TrackedTask, Set<String>> ending = new ConcurrentHashMap<>();
    private final boolean perTask;
    private StateRepository<String, String> repository;
    private TaskStore store;
    private volatile boolean indexDirty;

    public KooPhoneTasksConsumer(KooPhoneEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.perTask = "task".equals(endpoint.getConfiguration().getEventMode());
    }

    @Override
    public KooPhoneEndpoint getEndpoint() {
        return (KooPhoneEndpoint) super.getEndpoint();
    }

    private KooPhoneConfiguration config() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        getEndpoint().caller();
        // without a taskStore the map of tracked tasks is all the state there is: nothing survives a restart anyway
        repository = config().getTaskStore();
        ServiceHelper.startService(repository);
        store = repository != null ? new TaskStore(repository) : TaskStore.NONE;
        tasks.putAll(store.load());
        if (!tasks.isEmpty()) {
            LOG.info("Resuming {} pending tasks from the task store", tasks.size());
        }
        if (config().getTaskIds() != null) {
            Arrays.stream(config().getTaskIds().split(",")).map(String::trim).filter(id -> !id.isEmpty())
                    .forEach(id -> watch(TaskRegistration.of(id, null)));
        }
        getEndpoint().getComponent().taskRegistry().attach(this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().taskRegistry().detach(this);
        super.doStop();
        if (store != null) {
            store.compact(tasks.keySet());
        }
        ServiceHelper.stopService(repository);
    }

    @Override
    public void watch(TaskRegistration registration) {
        TrackedTask task = new TrackedTask(registration.taskId(), registration.operation(), System.currentTimeMillis(),
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
        Executor worker = getEndpoint().caller().worker();
        int concurrency = config().getPollConcurrency();
        // At a fixed rate the GetTasks are spread over most of the delay, each task at the same offset every poll:
        // each is asked about once per delay whatever the others cost, and the API sees a steady rate rather than
        // a burst of thousands at the start of each poll.
        long spread = isUseFixedDelay() ? 0 : (long) (getTimeUnit().toNanos(getDelay()) * SPREAD);
        long start = System.nanoTime();
        // Answers are handed to this thread as they arrive, and their events delivered while other GetTasks are
        // still in flight: an event waits for its own GetTask, not for the slowest of a poll of thousands.
        BlockingQueue<Polled> arrived = new LinkedBlockingQueue<>();
        List<Polled> batch = new ArrayList<>();
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
                    CompletableFuture.supplyAsync(() -> getTask(task), worker).thenCompose(Function.identity())
                            .whenComplete((result, failure) -> arrived.add(result != null ? result : new Polled(task, null, unwrap(failure))));
                } catch (RuntimeException e) {
                    arrived.add(new Polled(task, null, e)); // the pool refused it (stopping)
                }
            }
            long wait = started < n && started - received < concurrency
                    ? start + spread * started / n - now : TimeUnit.MILLISECONDS.toNanos(100);
            Polled first = wait <= 0 ? arrived.poll() : arrived.poll(wait, TimeUnit.NANOSECONDS);
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
            for (Polled result : batch) {
                received++;
                if (result.failure() != null) {
                    failed++;
                    lastFailure = result.failure();
                    LOG.debug("GetTask {} failed: {}", result.task().taskId, result.failure().getMessage());
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

    private CompletableFuture<Polled> getTask(TrackedTask task) {
        try {
            return getEndpoint().caller()
                    .prepare(KooPhoneOperation.getTask, null, new Inputs(null, null, null, task.taskId, null), null)
                    .send(null)
                    .handle((outcome, failure) -> new Polled(task,
                            outcome == null ? null : (GetTaskResult) outcome.result(), unwrap(failure)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Polled(task, null, e));
        }
    }

    private void collect(Polled polled, long now, Queue<Object> events) {
        TrackedTask task = polled.task();
        List<GetTaskResult.Job> jobs = polled.result() == null || polled.result().getJobs() == null
                ? List.of() : polled.result().getJobs();
        for (GetTaskResult.Job job : jobs) {
            task.learnJob(job.getJobId(), job.getInstanceId());
        }
        boolean finished = !jobs.isEmpty() && jobs.stream().allMatch(job -> JobStatus.isTerminal(job.getStatus()));
        boolean timedOut = !finished && now - task.registeredAt > config().getTaskTimeout();
        if (!finished && !timedOut) {
            if (!perTask) {
                jobs.stream().filter(job -> JobStatus.isTerminal(job.getStatus()))
                        .forEach(job -> offer(task, job, events));
            }
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        if (perTask) {
            keys.add(TrackedTask.WHOLE_TASK);
            if (!task.isDone(TrackedTask.WHOLE_TASK)) {
                events.add(taskEvent(task, jobs, timedOut));
            }
        } else {
            for (GetTaskResult.Job job : jobs) {
                keys.add(job.getJobId());
                if (JobStatus.isTerminal(job.getStatus())) {
                    offer(task, job, events);
                } else if (!task.isDone(job.getJobId())) {
                    events.add(timedOutJob(task, job.getJobId()));
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
                            JobEvent.timedOut(task.taskId, null, null, "task did not finish within taskTimeout"), null, null, TIMED_OUT));
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

    private void offer(TrackedTask task, GetTaskResult.Job job, Queue<Object> events) {
        if (task.isDone(job.getJobId())) {
            return;
        }
        String instanceId = instanceOf(task, job);
        events.add(new Pending(task, job.getJobId(), JobEvent.of(task.taskId, job, instanceId), job.getJobId(), instanceId,
                statusName(job.getStatus())));
    }

    private static Pending timedOutJob(TrackedTask task, String jobId) {
        String instanceId = task.instanceOf(jobId);
        JobEvent event = JobEvent.timedOut(task.taskId, jobId, instanceId, "job did not finish within taskTimeout");
        return new Pending(task, jobId, event, jobId, instanceId, TIMED_OUT);
    }

    private static Pending taskEvent(TrackedTask task, List<GetTaskResult.Job> jobs, boolean timedOut) {
        List<JobEvent> events = new ArrayList<>(jobs.size());
        boolean anyFailed = false;
        for (GetTaskResult.Job job : jobs) {
            events.add(JobEvent.of(task.taskId, job, instanceOf(task, job)));
            anyFailed |= job.getStatus() != null && job.getStatus() == JobStatus.FAILED;
        }
        String status = timedOut ? TIMED_OUT : anyFailed ? FAILED : SUCCEEDED;
        TaskEvent event = new TaskEvent(task.taskId, task.operation == null ? null : task.operation.name(), status, events);
        return new Pending(task, TrackedTask.WHOLE_TASK, event, null, null, status);
    }

    private static String instanceOf(TrackedTask task, GetTaskResult.Job job) {
        return job.getInstanceId() != null ? job.getInstanceId() : task.instanceOf(job.getJobId());
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
            var message = exchange.getMessage();
            message.setBody(pending.body());
            message.setHeader(KooPhoneConstants.TASK_ID, pending.task().taskId);
            message.setHeader(KooPhoneConstants.JOB_ID, pending.jobId());
            message.setHeader(KooPhoneConstants.INSTANCE_ID, pending.instanceId());
            message.setHeader(KooPhoneConstants.JOB_STATUS, pending.status());
            if (pending.task().operation != null) {
                message.setHeader(KooPhoneConstants.OPERATION, pending.task().operation.name());
            }
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
            if (attempts >= config().getMaxDeliveryAttempts()) {
                task.givenUp(pending.key());
                LOG.warn("Giving up delivering {} of task {} after {} failed attempts", pending.key(), task.taskId, attempts);
            }
            getExceptionHandler().handleException("Failed to deliver a koophone:tasks event (attempt " + attempts + ")",
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

    private static Throwable unwrap(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
