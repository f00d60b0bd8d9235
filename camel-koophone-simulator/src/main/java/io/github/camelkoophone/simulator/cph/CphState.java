package io.github.camelkoophone.simulator.cph;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.camelkoophone.simulator.state.SimClock;

/**
 * The Cloud Phone Host (CPH) side of the simulator: phones on servers, and the restart jobs that finish when the
 * simulated clock passes their end. Guarded by the simulator's state lock (handlers run under it; the accessors
 * here take it).
 */
public final class CphState {

    /** CPH phone statuses the simulator uses. */
    public static final int RUNNING = 1;
    public static final int RESTARTING = 3;
    /** CPH job statuses. */
    public static final int JOB_RUNNING = 1;
    public static final int JOB_SUCCEEDED = 2;
    public static final int JOB_FAILED = -1;

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A simulated cloud phone. */
    public static final class Phone {
        final String phoneId;
        final String name;
        final String serverId;
        int status = RUNNING;
        final int type;
        final String createTime;
        String updateTime;

        Phone(String phoneId, String name, String serverId, int type, String createTime) {
            this.phoneId = phoneId;
            this.name = name;
            this.serverId = serverId;
            this.type = type;
            this.createTime = createTime;
            this.updateTime = createTime;
        }

        public String phoneId() {
            return phoneId;
        }

        public String name() {
            return name;
        }

        public int status() {
            return status;
        }
    }

    /** A simulated job: one phone's part of a batch request. */
    public static final class Job {
        final String jobId;
        final String requestId;
        final String phoneId;
        final String serverId;
        final Instant begin;
        final Instant finishAt;
        final boolean fails;
        int status = JOB_RUNNING;
        Instant end;

        Job(String jobId, String requestId, String phoneId, String serverId, Instant begin, Instant finishAt, boolean fails) {
            this.jobId = jobId;
            this.requestId = requestId;
            this.phoneId = phoneId;
            this.serverId = serverId;
            this.begin = begin;
            this.finishAt = finishAt;
            this.fails = fails;
        }

        public String jobId() {
            return jobId;
        }

        public int status() {
            return status;
        }
    }

    private final Object lock;
    private final SimClock clock;
    private final long seed;
    private final int initialPhones;
    private final Map<String, Phone> phones = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final List<String> failingPhones = new ArrayList<>();
    private Random random;
    private Duration restartDuration;
    private final Duration initialRestartDuration;

    public CphState(Object lock, SimClock clock, long seed, int phones, Duration restartDuration) {
        this.lock = lock;
        this.clock = clock;
        this.seed = seed;
        this.initialPhones = phones;
        this.initialRestartDuration = restartDuration;
        reset();
    }

    /** Back to the configured phones; no jobs. */
    public void reset() {
        synchronized (lock) {
            random = new Random(seed ^ 0x5EEDC0FFEEL);
            phones.clear();
            jobs.clear();
            failingPhones.clear();
            restartDuration = initialRestartDuration;
            Instant now = clock.instant();
            for (int n = 1; n <= initialPhones; n++) {
                String serverId = "server-" + ((n - 1) / 10 + 1);
                Phone phone = new Phone(hex32(), String.format("cph-%05d", n), serverId, 0,
                        TIME.format(now.minus(Duration.ofHours(initialPhones - n + 1L))));
                phones.put(phone.phoneId, phone);
            }
        }
    }

    String hex32() {
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            out.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    /** Lets due jobs finish. Callers hold the lock. */
    void settle(Instant now) {
        for (Job job : jobs.values()) {
            if (job.status == JOB_RUNNING && !now.isBefore(job.finishAt)) {
                job.status = job.fails ? JOB_FAILED : JOB_SUCCEEDED;
                job.end = job.finishAt;
                Phone phone = phones.get(job.phoneId);
                if (phone != null) {
                    phone.status = RUNNING;
                    phone.updateTime = TIME.format(job.finishAt);
                }
            }
        }
    }

    /** The phone ids, in listing order. */
    public List<String> phoneIds() {
        synchronized (lock) {
            return List.copyOf(phones.keySet());
        }
    }

    /** A phone's status now (after letting due jobs finish), or null when unknown. */
    public Integer phoneStatus(String phoneId) {
        synchronized (lock) {
            settle(clock.instant());
            Phone phone = phones.get(phoneId);
            return phone == null ? null : phone.status;
        }
    }

    /** How long a restart takes on the simulated clock. */
    public CphState restartDuration(Duration duration) {
        synchronized (lock) {
            this.restartDuration = duration;
        }
        return this;
    }

    /** The next restart of this phone fails (job status -1). */
    public CphState failNextRestart(String phoneId) {
        synchronized (lock) {
            failingPhones.add(phoneId);
        }
        return this;
    }

    /** Sets a phone's status (e.g. to make it match a filter). */
    public CphState phoneStatus(String phoneId, int status) {
        synchronized (lock) {
            Phone phone = phones.get(phoneId);
            if (phone == null) {
                throw new IllegalArgumentException("no phone " + phoneId);
            }
            phone.status = status;
        }
        return this;
    }

    /** The status of every job of a request, in order. */
    public List<Integer> jobStatuses(String requestId) {
        synchronized (lock) {
            settle(clock.instant());
            return jobs.values().stream().filter(j -> j.requestId.equals(requestId)).map(j -> j.status).toList();
        }
    }

    // --- for the handlers, under the lock

    Map<String, Phone> phones() {
        return phones;
    }

    Map<String, Job> jobs() {
        return jobs;
    }

    Job startRestart(String requestId, Phone phone, Instant now) {
        boolean fails = failingPhones.remove(phone.phoneId);
        Job job = new Job(hex32(), requestId, phone.phoneId, phone.serverId, now, now.plus(restartDuration), fails);
        jobs.put(job.jobId, job);
        phone.status = RESTARTING;
        phone.updateTime = TIME.format(now);
        return job;
    }
}
