package io.github.camelkoophone.simulator.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's notion of "now": a base clock plus an offset that tests can push forward, so token
 * expiry, task completion and signature age can be exercised without sleeping.
 */
public final class SimClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public SimClock() {
        this(Clock.systemUTC());
    }

    public SimClock(Clock base) {
        this.base = base;
    }

    /** Moves simulated time forward (or backward with a negative duration); returns the new "now". */
    public Instant advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** Drops any advance made so far, going back to the base clock. */
    public void resetOffset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Simulated time is always UTC: the API's timestamps are UTC.
        return this;
    }
}
