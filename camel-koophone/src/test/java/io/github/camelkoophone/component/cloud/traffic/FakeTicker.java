package io.github.camelkoophone.component.cloud.traffic;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Time that moves only when told: {@link #advance} by the test, or, when {@code sleepMoves}, by a sleeper itself
 * (one thread, no waiting). Otherwise a sleeper parks until the test has moved time past its wake-up.
 */
final class FakeTicker implements RateLimiter.Ticker {

    private final boolean sleepMoves;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private long now;
    private int sleepers;

    FakeTicker(boolean sleepMoves) {
        this.sleepMoves = sleepMoves;
    }

    @Override
    public long nanos() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long wake = now + nanos;
            if (sleepMoves) {
                now = wake;
                return;
            }
            sleepers++;
            moved.signalAll();
            while (now < wake) {
                moved.await();
            }
            sleepers--;
        } finally {
            lock.unlock();
        }
    }

    void advance(long millis) {
        lock.lock();
        try {
            now += TimeUnit.MILLISECONDS.toNanos(millis);
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits (in real time, briefly) until {@code count} threads sleep. */
    void awaitSleepers(int count) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sleepers < count) {
                if (!moved.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("expected " + count + " sleeping threads, have " + sleepers);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
