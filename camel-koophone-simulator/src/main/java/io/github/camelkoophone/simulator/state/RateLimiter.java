package io.github.camelkoophone.simulator.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's token buckets for the limits in {@link SimulatorSettings#rateLimits()}. Buckets start full and refill
 * by the simulated clock, so a test that advances the clock gets the same answers on every run.
 */
public final class RateLimiter {

    // A refill of exactly one token may come out a hair short in floating point; the client did wait 1/R s.
    private static final double EPSILON = 1e-9;

    private final SimulatorSettings settings;
    private final Map<Key, Bucket> buckets = new HashMap<>();
    private RateLimits limits;

    RateLimiter(SimulatorSettings settings) {
        this.settings = settings;
        this.limits = settings.rateLimits();
    }

    /**
     * Takes a token from the project's bucket and from the operation's, or from neither when either is empty.
     *
     * @return 0 when the request may pass, else the whole seconds until it would (at least 1), for Retry-After
     */
    public synchronized long acquire(String project, String operation, Instant now) {
        RateLimits current = settings.rateLimits();
        if (current != limits) {
            // New limits start from full buckets, so a test can set a limit and know where it stands.
            buckets.clear();
            limits = current;
        }
        if (current.isNone()) {
            return 0;
        }
        Bucket projectBucket = bucket(new Key(project, null), current.project(), now);
        Bucket operationBucket = bucket(new Key(project, operation), current.operations().get(operation), now);
        double wait = Math.max(secondsUntilToken(projectBucket), secondsUntilToken(operationBucket));
        if (wait > 0) {
            return Math.max(1, (long) Math.ceil(wait));
        }
        if (projectBucket != null) {
            projectBucket.tokens -= 1;
        }
        if (operationBucket != null) {
            operationBucket.tokens -= 1;
        }
        return 0;
    }

    /** Full buckets again. */
    synchronized void clear() {
        buckets.clear();
    }

    private Bucket bucket(Key key, RateLimits.Limit limit, Instant now) {
        if (limit == null) {
            return null;
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
        b.refill(now);
        return b;
    }

    private static double secondsUntilToken(Bucket b) {
        return b == null || b.tokens >= 1 - EPSILON ? 0 : (1 - b.tokens) / b.limit.perSecond();
    }

    /** A project's bucket has no operation. */
    private record Key(String project, String operation) {
    }

    private static final class Bucket {
        final RateLimits.Limit limit;
        double tokens;
        Instant last;

        Bucket(RateLimits.Limit limit, Instant now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.last = now;
        }

        void refill(Instant now) {
            // A clock moved backwards refills nothing; refilling resumes once it passes the last time seen.
            if (now.isAfter(last)) {
                Duration d = Duration.between(last, now);
                double seconds = d.getSeconds() + d.getNano() / 1e9;
                tokens = Math.min(limit.burst(), tokens + seconds * limit.perSecond());
                last = now;
            }
        }
    }
}
