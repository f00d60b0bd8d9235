package io.github.camelkoophone.component.cloud.tasks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import io.github.camelkoophone.component.cloud.consumer.EventConsumer;
import org.apache.camel.Message;

/**
 * Turns what a query answered about a task into the events it owes: one per job that ended and was not delivered
 * yet (or, in per-task mode, one for the task once every job ended), and TIMED_OUT events for what had not ended
 * when the task's time ran out. When a task has nothing more to report it tells the ledger which events are still
 * owed, or that the task can be forgotten.
 *
 * @param <J> the service's job
 */
final class JobCollector<J> {

    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String TIMED_OUT = "TIMED_OUT";

    /** What the collector tells the consumer's state, and what its events report back when delivered or not. */
    interface Ledger {
        /** These events of the task are still owed; once they are settled, the task is done. */
        void ending(TrackedTask task, Set<String> keys);

        /** The task has nothing more to report. */
        void forget(TrackedTask task);

        /** An event's exchange completed: {@code failure} is null when it was delivered. */
        void settle(TrackedTask task, String key, Exception failure);

        /** Whether the consumer still follows the task (it may have moved to another consumer meanwhile). */
        boolean follows(TrackedTask task);
    }

    private final JobSource<J> source;
    private final boolean perTask;
    private final long taskTimeout;
    private final EventHeaders headers;
    private final String eventSource;
    private final Ledger ledger;

    JobCollector(JobSource<J> source, boolean perTask, long taskTimeout, EventHeaders headers, String eventSource,
                  Ledger ledger) {
        this.source = source;
        this.perTask = perTask;
        this.taskTimeout = taskTimeout;
        this.headers = headers;
        this.eventSource = eventSource;
        this.ledger = ledger;
    }

    /** Adds the events the task owes after this answer to {@code events}; returns whether a job of it has ended. */
    boolean collect(TrackedTask task, List<J> answered, long now, Queue<Object> events) {
        List<J> jobs = answered == null ? List.of() : answered;
        List<JobSource.Job> read = new ArrayList<>(jobs.size());
        for (J job : jobs) {
            JobSource.Job state = source.read(job);
            read.add(state);
            task.learnJob(state.jobId(), state.instanceId());
        }
        boolean ended = read.stream().anyMatch(job -> job.state() != JobSource.State.RUNNING);
        boolean finished = !read.isEmpty() && read.stream().allMatch(job -> job.state() != JobSource.State.RUNNING);
        boolean timedOut = !finished && now - task.registeredAt > taskTimeout;
        if (!finished && !timedOut) {
            if (!perTask) {
                for (int i = 0; i < jobs.size(); i++) {
                    if (read.get(i).state() != JobSource.State.RUNNING) {
                        offer(task, jobs.get(i), read.get(i), events);
                    }
                }
            }
            return ended;
        }
        Set<String> keys = new LinkedHashSet<>();
        if (perTask) {
            keys.add(TrackedTask.WHOLE_TASK);
            if (!task.isDone(TrackedTask.WHOLE_TASK)) {
                events.add(wholeTask(task, jobs, read, timedOut));
            }
        } else {
            for (int i = 0; i < jobs.size(); i++) {
                JobSource.Job job = read.get(i);
                keys.add(job.jobId());
                if (job.state() != JobSource.State.RUNNING) {
                    offer(task, jobs.get(i), job, events);
                } else if (!task.isDone(job.jobId())) {
                    events.add(timedOut(task, job.jobId()));
                }
            }
            for (String jobId : task.jobIds()) {
                if (keys.add(jobId) && !task.isDone(jobId)) {
                    events.add(timedOut(task, jobId));
                }
            }
            if (keys.isEmpty()) {
                keys.add(TrackedTask.WHOLE_TASK);
                if (!task.isDone(TrackedTask.WHOLE_TASK)) {
                    events.add(new Pending(task, TrackedTask.WHOLE_TASK, source.jobEvent(task.taskId, null, null, null,
                            "task did not finish within taskTimeout"), null, null, TIMED_OUT));
                }
            }
        }
        keys.removeIf(task::isDone);
        if (keys.isEmpty()) {
            ledger.forget(task);
        } else {
            ledger.ending(task, keys);
        }
        return ended;
    }

    private void offer(TrackedTask task, J job, JobSource.Job read, Queue<Object> events) {
        if (task.isDone(read.jobId())) {
            return;
        }
        String instanceId = instanceOf(task, read);
        events.add(new Pending(task, read.jobId(), source.jobEvent(task.taskId, read.jobId(), instanceId, job, null),
                read.jobId(), instanceId, statusName(read.state())));
    }

    private Pending timedOut(TrackedTask task, String jobId) {
        String instanceId = task.instanceOf(jobId);
        Object event = source.jobEvent(task.taskId, jobId, instanceId, null, "job did not finish within taskTimeout");
        return new Pending(task, jobId, event, jobId, instanceId, TIMED_OUT);
    }

    private Pending wholeTask(TrackedTask task, List<J> jobs, List<JobSource.Job> read, boolean timedOut) {
        List<Object> events = new ArrayList<>(jobs.size());
        boolean anyFailed = false;
        for (int i = 0; i < jobs.size(); i++) {
            JobSource.Job job = read.get(i);
            events.add(source.jobEvent(task.taskId, job.jobId(), instanceOf(task, job), jobs.get(i), null));
            anyFailed |= job.state() == JobSource.State.FAILED;
        }
        String status = timedOut ? TIMED_OUT : anyFailed ? FAILED : SUCCEEDED;
        return new Pending(task, TrackedTask.WHOLE_TASK, source.taskEvent(task.taskId, task.operation, status, events),
                null, null, status);
    }

    private static String instanceOf(TrackedTask task, JobSource.Job job) {
        return job.instanceId() != null ? job.instanceId() : task.instanceOf(job.jobId());
    }

    private static String statusName(JobSource.State state) {
        return state == JobSource.State.SUCCEEDED ? SUCCEEDED : FAILED;
    }

    /** An event waiting for delivery: its task, its delivery key, its body and what its headers say. */
    private final class Pending implements EventConsumer.Event {
        private final TrackedTask task;
        private final String key;
        private final Object body;
        private final String jobId;
        private final String instanceId;
        private final String status;

        Pending(TrackedTask task, String key, Object body, String jobId, String instanceId, String status) {
            this.task = task;
            this.key = key;
            this.body = body;
            this.jobId = jobId;
            this.instanceId = instanceId;
            this.status = status;
        }

        @Override
        public void fill(Message message) {
            message.setBody(body);
            headers.fill(message, task.taskId, jobId, instanceId, status, task.operation);
        }

        @Override
        public void settle(Exception failure) {
            ledger.settle(task, key, failure);
        }

        @Override
        public boolean wanted() {
            return ledger.follows(task);
        }

        @Override
        public String describe() {
            return "a " + eventSource + " event (attempt " + (task.failures(key) + 1) + ")";
        }
    }
}
