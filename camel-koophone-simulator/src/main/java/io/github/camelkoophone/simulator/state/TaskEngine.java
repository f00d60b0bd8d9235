package io.github.camelkoophone.simulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Asynchronous work: tasks made of one job per instance. A job's outcome is drawn when it is
 * created (seeded random, failure rate, per-instance override) and revealed once the simulated
 * clock passes its finish time; its effect on the instance is applied at that moment. Nothing runs
 * in the background: every request and every read "settles" the jobs that are due, which keeps
 * the simulator deterministic and lets tests jump ahead with {@link SimClock#advance}.
 */
public final class TaskEngine {

    private final SimulatorState state;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final PriorityQueue<Job> pending = new PriorityQueue<>(Comparator.comparing((Job j) -> j.finishAt)
            .thenComparingLong(j -> j.sequence));
    private long sequence;

    TaskEngine(SimulatorState state) {
        this.state = state;
    }

    /** A task snapshot, if the id is known. */
    public Optional<SimTask> get(String taskId) {
        synchronized (state.lock()) {
            state.settle();
            Task t = tasks.get(taskId);
            return Optional.ofNullable(t == null || !t.visible ? null : t.snapshot());
        }
    }

    /** Snapshots of every task, oldest first. */
    public List<SimTask> all() {
        synchronized (state.lock()) {
            state.settle();
            List<SimTask> out = new ArrayList<>();
            tasks.values().stream().filter(t -> t.visible).forEach(t -> out.add(t.snapshot()));
            return out;
        }
    }

    /** Finishes every running job now, whatever its finish time. */
    public void completeAll() {
        synchronized (state.lock()) {
            settle(Instant.MAX);
        }
    }

    /** Number of jobs still running (including those behind reboots and creations). */
    public int runningJobs() {
        synchronized (state.lock()) {
            state.settle();
            return pending.size();
        }
    }

    /** What a job does when it ends; both callbacks receive the live instance, or are skipped if it was deleted. */
    public record JobSpec(String instanceId, String jobId, boolean fail, String failCode, String failMsg,
                          String output, Consumer<SimInstance> onSuccess, Consumer<SimInstance> onFailure,
                          boolean exclusive) {
    }

    /** Creates a task; callers hold the state lock. Invisible tasks back reboots and creations, which return no task id. */
    public Task create(String taskId, String operation, boolean visible, Instant now) {
        Task t = new Task(taskId, operation, visible, now);
        tasks.put(taskId, t);
        return t;
    }

    /** Adds a job that finishes at {@code finishAt}; callers hold the state lock. */
    public Job addJob(Task task, JobSpec spec, Instant finishAt) {
        Job job = new Job(spec, finishAt, sequence++);
        task.jobs.add(job);
        pending.add(job);
        return job;
    }

    /** Adds a job that has already failed (e.g. the instance does not exist); callers hold the state lock. */
    public void addFailedJob(Task task, String instanceId, String jobId, String code, String msg) {
        Job job = new Job(new JobSpec(instanceId, jobId, true, code, msg, null, null, null, false), null, sequence++);
        job.status = SimJob.FAILED;
        job.errorCode = code;
        job.errorMsg = msg;
        task.jobs.add(job);
    }

    public Task task(String taskId) {
        Task t = tasks.get(taskId);
        return t != null && t.visible ? t : null;
    }

    /** Whether a running exclusive job (reset, backup, unassign...) holds the instance; callers hold the state lock. */
    public boolean busy(String instanceId) {
        for (Job j : pending) {
            if (j.spec.exclusive() && j.spec.instanceId().equals(instanceId)) {
                return true;
            }
        }
        return false;
    }

    /** Ends every job due at {@code now}; callers hold the state lock. */
    void settle(Instant now) {
        while (!pending.isEmpty() && !pending.peek().finishAt.isAfter(now)) {
            Job job = pending.poll();
            SimInstance instance = state.inventory().live(job.spec.instanceId());
            if (job.spec.fail()) {
                job.status = SimJob.FAILED;
                job.errorCode = job.spec.failCode();
                job.errorMsg = job.spec.failMsg();
                if (instance != null && job.spec.onFailure() != null) {
                    job.spec.onFailure().accept(instance);
                }
            } else {
                job.status = SimJob.SUCCEEDED;
                job.errorCode = "";
                job.errorMsg = "";
                job.executeMsg = job.spec.output();
                if (instance != null && job.spec.onSuccess() != null) {
                    job.spec.onSuccess().accept(instance);
                }
            }
        }
    }

    void clear() {
        tasks.clear();
        pending.clear();
    }

    public static final class Task {
        public final String taskId;
        final String operation;
        final boolean visible;
        final Instant createdAt;
        public final List<Job> jobs = new ArrayList<>();

        Task(String taskId, String operation, boolean visible, Instant createdAt) {
            this.taskId = taskId;
            this.operation = operation;
            this.visible = visible;
            this.createdAt = createdAt;
        }

        SimTask snapshot() {
            List<SimJob> js = new ArrayList<>(jobs.size());
            jobs.forEach(j -> js.add(j.snapshot()));
            return new SimTask(taskId, operation, createdAt, List.copyOf(js));
        }
    }

    public static final class Job {
        final JobSpec spec;
        final Instant finishAt;
        final long sequence;
        int status = SimJob.RUNNING;
        String errorCode = "";
        String errorMsg = "";
        String executeMsg;

        Job(JobSpec spec, Instant finishAt, long sequence) {
            this.spec = spec;
            this.finishAt = finishAt;
            this.sequence = sequence;
        }

        public String jobId() {
            return spec.jobId();
        }

        public String instanceId() {
            return spec.instanceId();
        }

        public SimJob snapshot() {
            return new SimJob(spec.jobId(), spec.instanceId(), status, errorCode, errorMsg, executeMsg, finishAt);
        }
    }
}
