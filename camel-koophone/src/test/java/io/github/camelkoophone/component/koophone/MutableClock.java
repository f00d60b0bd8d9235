package io.github.camelkoophone.component.koophone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, to expire tokens without waiting; {@link #onNextRead} puts another caller's work
 * exactly between a read of the clock and what the reader does next.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private volatile Runnable onNextRead;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Runs {@code hook} once, at the next read of the clock, before that read returns. */
    public void onNextRead(Runnable hook) {
        onNextRead = hook;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Runnable hook = onNextRead;
        if (hook != null) {
            onNextRead = null;
            hook.run();
        }
        return now;
    }
}
