package io.github.camelkoophone.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.time.Duration;
import java.util.Objects;

/**
 * The behaviour knobs that may change while the simulator runs (from Java or {@code POST /_sim/settings}).
 * Reads are lock-free; each setter takes effect for the next request.
 */
public final class SimulatorSettings {

    private volatile boolean quirkMode;
    private volatile Duration taskDuration;
    private volatile Duration taskDurationMax;
    private volatile double taskFailureRate;
    private volatile Duration prepareDuration;
    private volatile Duration tokenLifetime;
    private volatile boolean busyCheck;
    private volatile RateLimits rateLimits;

    public SimulatorSettings(boolean quirkMode, Duration taskDuration, Duration taskDurationMax,
                             double taskFailureRate, Duration prepareDuration, Duration tokenLifetime,
                             boolean busyCheck, RateLimits rateLimits) {
        this.quirkMode = quirkMode;
        this.taskDuration = taskDuration;
        this.taskDurationMax = checkMax(taskDuration, taskDurationMax);
        this.taskFailureRate = checkRate(taskFailureRate);
        this.prepareDuration = prepareDuration;
        this.tokenLifetime = tokenLifetime;
        this.busyCheck = busyCheck;
        this.rateLimits = Objects.requireNonNull(rateLimits);
    }

    SimulatorSettings copy() {
        return new SimulatorSettings(quirkMode, taskDuration, taskDurationMax, taskFailureRate, prepareDuration,
                tokenLifetime, busyCheck, rateLimits);
    }

    void copyFrom(SimulatorSettings other) {
        quirkMode = other.quirkMode;
        taskDuration = other.taskDuration;
        taskDurationMax = other.taskDurationMax;
        taskFailureRate = other.taskFailureRate;
        prepareDuration = other.prepareDuration;
        tokenLifetime = other.tokenLifetime;
        busyCheck = other.busyCheck;
        rateLimits = other.rateLimits;
    }

    /** Whether responses use the reference examples' odd shapes ({@code ecmd_jobs}, top-level {@code status_results}...). */
    public boolean quirkMode() {
        return quirkMode;
    }

    public SimulatorSettings quirkMode(boolean enabled) {
        this.quirkMode = enabled;
        return this;
    }

    /**
     * How long after creation each job of a task (and a reboot or creation) finishes; with
     * {@link #taskDurationMax()} set, the shortest a task may take.
     */
    public Duration taskDuration() {
        return taskDuration;
    }

    public SimulatorSettings taskDuration(Duration duration) {
        checkMax(requireNonNegative(duration), taskDurationMax);
        this.taskDuration = duration;
        return this;
    }

    /** Longest a task may take, each task drawing its own duration from taskDuration..this; null: always taskDuration. */
    public Duration taskDurationMax() {
        return taskDurationMax;
    }

    public SimulatorSettings taskDurationMax(Duration duration) {
        this.taskDurationMax = checkMax(taskDuration, duration);
        return this;
    }

    /** Share of jobs (0..1) that end with status -1; drawn from the seeded random source. */
    public double taskFailureRate() {
        return taskFailureRate;
    }

    public SimulatorSettings taskFailureRate(double rate) {
        this.taskFailureRate = checkRate(rate);
        return this;
    }

    /** How long BatchPrepareInstances takes until ShowProgress reports ready. */
    public Duration prepareDuration() {
        return prepareDuration;
    }

    public SimulatorSettings prepareDuration(Duration duration) {
        this.prepareDuration = requireNonNegative(duration);
        return this;
    }

    /** Lifetime of IAM tokens issued from now on. */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public SimulatorSettings tokenLifetime(Duration lifetime) {
        this.tokenLifetime = requireNonNegative(lifetime);
        return this;
    }

    /** Whether reset, backup and unassign are refused with KOOPHONE.API.4001 while the instance has a running job. */
    public boolean busyCheck() {
        return busyCheck;
    }

    public SimulatorSettings busyCheck(boolean enabled) {
        this.busyCheck = enabled;
        return this;
    }

    /** The gateway's throttling thresholds ({@link RateLimits#NONE}: never throttled). */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** Replaces every limit; the buckets start full again. */
    public SimulatorSettings rateLimits(RateLimits limits) {
        this.rateLimits = Objects.requireNonNull(limits);
        return this;
    }

    /** Sets the per-project limit, keeping the per-operation ones; the buckets start full again. */
    public SimulatorSettings rateLimit(double perSecond, int burst) {
        return rateLimits(rateLimits.withProject(new RateLimits.Limit(perSecond, burst)));
    }

    /** Adds or replaces one operation's limit (on top of the project's); the buckets start full again. */
    public SimulatorSettings operationRateLimit(String operation, double perSecond, int burst) {
        return rateLimits(rateLimits.withOperation(operation, new RateLimits.Limit(perSecond, burst)));
    }

    public ObjectNode toJson() {
        ObjectNode n = SimJson.object();
        n.put("quirk_mode", quirkMode);
        n.put("task_duration_ms", taskDuration.toMillis());
        if (taskDurationMax == null) {
            n.putNull("task_duration_max_ms");
        } else {
            n.put("task_duration_max_ms", taskDurationMax.toMillis());
        }
        n.put("task_failure_rate", taskFailureRate);
        n.put("prepare_duration_ms", prepareDuration.toMillis());
        n.put("token_lifetime_s", tokenLifetime.toSeconds());
        n.put("busy_check", busyCheck);
        n.set("rate_limit", rateLimits.toJson());
        return n;
    }

    public void apply(JsonNode json) {
        // Parsed first, so a malformed limit refuses the whole request before anything changes.
        RateLimits limits = json.has("rate_limit") ? RateLimits.fromJson(json.get("rate_limit")) : null;
        if (json.has("quirk_mode")) {
            quirkMode(json.get("quirk_mode").asBoolean());
        }
        // Both bounds are checked together, so one request may move the range past its old ends.
        Duration min = json.has("task_duration_ms")
                ? requireNonNegative(Duration.ofMillis(json.get("task_duration_ms").asLong())) : taskDuration;
        Duration max = taskDurationMax;
        if (json.has("task_duration_max_ms")) {
            JsonNode m = json.get("task_duration_max_ms");
            max = m.isNull() ? null : Duration.ofMillis(m.asLong());
        }
        checkMax(min, max);
        taskDuration = min;
        taskDurationMax = max;
        if (json.has("task_failure_rate")) {
            taskFailureRate(json.get("task_failure_rate").asDouble());
        }
        if (json.has("prepare_duration_ms")) {
            prepareDuration(Duration.ofMillis(json.get("prepare_duration_ms").asLong()));
        }
        if (json.has("token_lifetime_s")) {
            tokenLifetime(Duration.ofSeconds(json.get("token_lifetime_s").asLong()));
        }
        if (json.has("busy_check")) {
            busyCheck(json.get("busy_check").asBoolean());
        }
        if (limits != null) {
            rateLimits(limits);
        }
    }

    private static double checkRate(double rate) {
        if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
        return rate;
    }

    private static Duration checkMax(Duration min, Duration max) {
        if (max != null && max.compareTo(min) < 0) {
            throw new IllegalArgumentException("taskDurationMax " + max + " is shorter than taskDuration " + min);
        }
        return max;
    }

    private static Duration requireNonNegative(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("duration must be zero or positive: " + d);
        }
        return d;
    }
}
