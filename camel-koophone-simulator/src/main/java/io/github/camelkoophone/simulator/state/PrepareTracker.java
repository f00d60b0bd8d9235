package io.github.camelkoophone.simulator.state;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BatchPrepareInstances / ShowProgress as a small state machine per (user, instance): queued for the
 * first third of the prepare duration, preparing until it ends, then ready (or failed, drawn at
 * start). Callers hold the state lock.
 */
public final class PrepareTracker {

    /** ShowProgress status values as the simulator uses them. */
    static final int QUEUED = 0;
    static final int PREPARING = 1;
    static final int READY = 2;
    static final int NOT_REQUESTED = 3;
    static final int FAILED = -1;

    public record Progress(int status, int waitingCount) {
    }

    private record Prepare(Instant startedAt, Duration duration, boolean fail) {
        Instant end() {
            return startedAt.plus(duration);
        }

        boolean queuedAt(Instant now) {
            return now.isBefore(startedAt.plus(duration.dividedBy(3)));
        }
    }

    private final Map<String, Prepare> prepares = new LinkedHashMap<>();

    /** Starts preparing; returns false (and changes nothing) when one is already in progress. */
    public boolean start(String userId, String instanceId, Instant now, Duration duration, boolean fail) {
        String key = key(userId, instanceId);
        Prepare existing = prepares.get(key);
        if (existing != null && now.isBefore(existing.end())) {
            return false;
        }
        prepares.put(key, new Prepare(now, duration, fail));
        return true;
    }

    public Progress progress(String userId, String instanceId, Instant now) {
        Prepare p = prepares.get(key(userId, instanceId));
        if (p == null) {
            return new Progress(NOT_REQUESTED, 0);
        }
        if (!now.isBefore(p.end())) {
            return new Progress(p.fail() ? FAILED : READY, 0);
        }
        if (p.queuedAt(now)) {
            // Everything queued before this one is "ahead in the queue".
            int ahead = 0;
            for (Prepare other : prepares.values()) {
                if (other != p && other.queuedAt(now) && other.startedAt().isBefore(p.startedAt())) {
                    ahead++;
                }
            }
            return new Progress(QUEUED, ahead);
        }
        return new Progress(PREPARING, 0);
    }

    void clear() {
        prepares.clear();
    }

    private static String key(String userId, String instanceId) {
        return userId + '\u0000' + instanceId;
    }
}
