package io.github.camelkoophone.simulator.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Everything an API call may read or change, behind one lock. Handlers run under the lock (they only
 * touch memory, so this costs microseconds), while reading, latency and writing run outside it, so
 * concurrent clients are not serialized on I/O.
 */
public final class SimulatorState {

    private final Object lock = new Object();
    private final SimClock clock;
    private final SimulatorSettings settings;
    private final SimulatorSettings initialSettings;
    private final long seed;
    private final int generatedInstances;
    private final List<SimInstance> configuredInstances;
    private final String region;
    private final String projectId;
    private final String projectName;
    private final Inventory inventory;
    private final TaskEngine tasks;
    private final PrepareTracker prepares = new PrepareTracker();
    private final RateLimiter rateLimiter;
    private Random random;
    private Random durationRandom;
    private Ids ids;
    private int createdInstances;

    public SimulatorState(SimClock clock, SimulatorSettings settings, long seed, int generatedInstances,
                          List<SimInstance> configuredInstances, String region, String projectId,
                          String projectName) {
        this.clock = clock;
        this.settings = settings;
        this.initialSettings = settings.copy();
        this.seed = seed;
        this.generatedInstances = generatedInstances;
        this.configuredInstances = List.copyOf(configuredInstances);
        this.region = region;
        this.projectId = projectId;
        this.projectName = projectName;
        this.inventory = new Inventory(this);
        this.tasks = new TaskEngine(this);
        this.rateLimiter = new RateLimiter(settings);
        reset();
    }

    /**
     * Back to the configured start: same seed, same instances, no tasks, initial settings, full rate-limit buckets,
     * clock offset dropped.
     */
    public void reset() {
        synchronized (lock) {
            clock.resetOffset();
            settings.copyFrom(initialSettings);
            random = new Random(seed);
            // Its own stream, so turning the spread on leaves ids and job outcomes as they were for the seed.
            durationRandom = new Random(seed ^ 0x7A5CD0A7L);
            ids = new Ids(random);
            tasks.clear();
            prepares.clear();
            // The clock goes back and the limits may be the same value: only clearing refills the buckets.
            rateLimiter.clear();
            createdInstances = 0;
            inventory.replaceAll(seedInstances());
        }
    }

    private List<SimInstance> seedInstances() {
        List<SimInstance> out = new ArrayList<>();
        Instant now = clock.instant();
        for (int n = 1; n <= generatedInstances; n++) {
            SimInstance i = new SimInstance(ids.instanceId())
                    .instanceName(String.format("koophone-%05d", n))
                    .createTime(Times.api(now.minus(Duration.ofHours(generatedInstances - n + 1L))));
            out.add(i);
        }
        out.addAll(configuredInstances);
        return out;
    }

    /** Fills what a seeded or admin-supplied instance left empty with this simulator's region and project. */
    public SimInstance fillDefaults(SimInstance i) {
        if (i.region() == null) {
            i.region(region);
        }
        if (i.projectId() == null) {
            i.projectId(projectId);
        }
        if (i.projectName() == null) {
            i.projectName(projectName);
        }
        if (i.phoneId() == null) {
            i.phoneId(ids.hex32());
        }
        if (i.createTime() == null) {
            i.createTime(Times.api(clock.instant()));
        }
        if (i.instanceName() == null) {
            i.instanceName(i.instanceId());
        }
        return i;
    }

    /** Lets due jobs finish; callers hold the lock or take it here. */
    public void settle() {
        synchronized (lock) {
            tasks.settle(clock.instant());
        }
    }

    /** One Bernoulli draw from the seeded source. */
    public boolean draw(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    /**
     * How long the next task's jobs take: taskDuration, or with taskDurationMax set a seeded uniform draw
     * from taskDuration..taskDurationMax to the millisecond. Callers hold the lock.
     */
    public Duration nextTaskDuration() {
        Duration min = settings.taskDuration();
        Duration max = settings.taskDurationMax();
        // Compared again because a concurrent settings change may land between the two reads.
        if (max == null || max.compareTo(min) <= 0) {
            return min;
        }
        return min.plusMillis(durationRandom.nextLong(max.toMillis() - min.toMillis() + 1));
    }

    public int nextCreatedInstanceNumber() {
        return ++createdInstances;
    }

    public Object lock() {
        return lock;
    }

    public SimClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public Inventory inventory() {
        return inventory;
    }

    public TaskEngine tasks() {
        return tasks;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public PrepareTracker prepares() {
        return prepares;
    }

    public Ids ids() {
        return ids;
    }

    String region() {
        return region;
    }

    public String projectId() {
        return projectId;
    }

    String projectName() {
        return projectName;
    }
}
