package io.github.camelkoophone.component.cloud.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Hard deadlines for calls in flight, enforced by one periodic sweep rather than a timer task per call: arming
 * and disarming a deadline is a map update, so a call costs no thread wake-up. A call past its deadline is
 * cancelled, which aborts its connection, however slowly the server trickles bytes.
 */
final class Deadlines implements AutoCloseable {

    static final long SWEEP_MILLIS = 20;

    /** A deadline in force; {@link #expired} tells the caller its call was cancelled for being late. */
    static final class Deadline {
        private final Cancellable call;
        private final long dueNanos;
        private volatile boolean expired;

        private Deadline(Cancellable call, long dueNanos) {
            this.call = call;
            this.dueNanos = dueNanos;
        }

        boolean expired() {
            return expired;
        }
    }

    private final Map<Deadline, Boolean> armed = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweeper;

    Deadlines(ScheduledExecutorService scheduler) {
        this.sweeper = scheduler.scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    Deadline arm(Cancellable call, long timeoutMillis) {
        Deadline deadline = new Deadline(call, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        armed.put(deadline, Boolean.TRUE);
        return deadline;
    }

    void disarm(Deadline deadline) {
        armed.remove(deadline);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Deadline deadline : armed.keySet()) {
            if (now - deadline.dueNanos >= 0 && armed.remove(deadline) != null) {
                deadline.expired = true;
                deadline.call.cancel();
            }
        }
    }

    @Override
    public void close() {
        sweeper.cancel(false);
    }
}
