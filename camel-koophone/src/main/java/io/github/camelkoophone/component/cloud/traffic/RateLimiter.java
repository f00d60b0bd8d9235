package io.github.camelkoophone.component.cloud.traffic;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client-side rate limit of everything one component sends with one set of credentials: a token bucket (kept
 * as the time of the next turn, which a burst may run ahead of) whose rate is fixed ({@code fixed}) or follows the service's 429s ({@code adaptive}). Calls wait in the calling thread;
 * a call of a route (foreground) reserves its turn, a consumer's poll (background) goes only when a token is there
 * and no route's call waits, so routes come first.
 * <p>
 * Adaptive: unlimited (or at the ceiling) until a 429. Then calls are paced evenly (no burst unless
 * {@code rateLimitBurst} says so) and the rate drops to 0.7 of the rate requests were being sent at (later: of the
 * rate allowed), and grows back along a cubic curve: fast at first, flat around the rate of the last 429, faster again
 * beyond it, until the next 429 (CUBIC's window, as the AWS SDK's adaptive retry mode uses it). A 429 to a request
 * that asked for its turn before the last drop was paced at the old rate (turns already given keep their times), says
 * nothing about the new one and is ignored, so a burst of 429s drops the rate once, not once per waiting request.
 */
public final class RateLimiter {

    public enum Mode {
        NONE, FIXED, ADAPTIVE;

        public static Mode of(String option) {
            try {
                return valueOf(option.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("rateLimitMode must be none, fixed or adaptive: " + option);
            }
        }
    }

    /** Time for the limiter: the system's, or a test's that sleeping moves. */
    public interface Ticker {
        long nanos();

        void sleep(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }

    static final double BETA = 0.7;
    static final double SCALE = 0.4;
    static final double MIN_RATE = 0.5;
    /** How long a background call sleeps before it looks again whether it may go. */
    static final long BACKGROUND_STEP = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int SLOTS = 10;
    private static final long SLOT = SECOND / SLOTS;

    private final Mode mode;
    private final double ceiling;
    private final int burst;
    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock();

    // the bucket as virtual scheduling (GCRA): the theoretical time of the next call; a call may go when that is at
    // most a burst's worth of intervals ahead of now
    private double rate;
    private long next;
    // adaptive: whether a 429 engaged the limit (read without the lock by the unlimited fast path), the rate at the
    // last drop and when it was
    private volatile boolean limiting;
    private double lastMax;
    private long lastDrop;
    // the requests sent in each of the last ten tenths of a second, and which tenth each slot holds; counted without
    // the lock: an estimate, where a count lost to a race at a slot's turn is within its error
    private final AtomicLongArray sent = new AtomicLongArray(SLOTS);
    private final AtomicLongArray slotOf = new AtomicLongArray(SLOTS);
    private int foregroundWaiting;

    /**
     * @param maxRequestsPerSecond the fixed rate, or the adaptive ceiling; 0 for none (required by {@code fixed})
     * @param burst                tokens the bucket holds; 0 for one second's worth of the rate
     */
    public RateLimiter(Mode mode, double maxRequestsPerSecond, int burst, Ticker ticker) {
        if (mode == Mode.FIXED && maxRequestsPerSecond <= 0) {
            throw new IllegalArgumentException("rateLimitMode=fixed needs maxRequestsPerSecond > 0");
        }
        if (maxRequestsPerSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("maxRequestsPerSecond and rateLimitBurst must be 0 or more");
        }
        this.mode = mode;
        this.ceiling = maxRequestsPerSecond > 0 ? maxRequestsPerSecond : Double.POSITIVE_INFINITY;
        this.burst = burst;
        this.ticker = ticker;
        this.rate = ceiling;
        this.next = ticker.nanos();
        for (int i = 0; i < SLOTS; i++) {
            slotOf.set(i, -1);
        }
    }

    /** A limiter that never holds a call. */
    public static RateLimiter none() {
        return new RateLimiter(Mode.NONE, 0, 0, Ticker.SYSTEM);
    }

    /**
     * Waits until the call may be sent; returns the nanoseconds waited. Throws {@link RateLimitedException} at once
     * when the wait would exceed {@code budgetNanos}.
     *
     * @param background a consumer's poll, which yields to the routes' calls
     */
    public long acquire(boolean background, long budgetNanos) throws InterruptedException {
        if (mode == Mode.NONE) {
            return 0;
        }
        if (unlimited()) {
            // adaptive before any 429, without a ceiling: nothing waits, so no lock is taken; only the send rate is
            // counted, for the first drop
            count(ticker.nanos());
            return 0;
        }
        return background ? acquireBackground(budgetNanos) : acquireForeground(budgetNanos);
    }

    private long acquireForeground(long budgetNanos) throws InterruptedException {
        long wait;
        lock.lock();
        try {
            long now = ticker.nanos();
            wait = reserve(now, budgetNanos);
            if (wait > 0) {
                foregroundWaiting++;
            }
        } finally {
            lock.unlock();
        }
        if (wait > 0) {
            try {
                ticker.sleep(wait);
            } finally {
                lock.lock();
                foregroundWaiting--;
                lock.unlock();
            }
        }
        return wait;
    }

    private long acquireBackground(long budgetNanos) throws InterruptedException {
        long waited = 0;
        while (true) {
            long wait;
            lock.lock();
            try {
                long now = ticker.nanos();
                wait = foregroundWaiting > 0 ? BACKGROUND_STEP : waitAt(now);
                if (wait == 0) {
                    reserve(now, 0);
                    return waited;
                }
            } finally {
                lock.unlock();
            }
            long step = Math.min(wait, BACKGROUND_STEP);
            if (waited + step > budgetNanos) {
                throw refused(waited + wait);
            }
            ticker.sleep(step);
            waited += step;
        }
    }

    /** Takes the next turn: the wait until it comes, counted from {@code now}. Lock held. */
    private long reserve(long now, long budgetNanos) {
        long wait = waitAt(now);
        if (wait > budgetNanos) {
            throw refused(wait);
        }
        count(now);
        next = Math.max(next, now) + interval();
        return wait;
    }

    private boolean unlimited() {
        return mode == Mode.ADAPTIVE && !limiting && Double.isInfinite(ceiling);
    }

    /** How long a call at {@code now} waits for its turn. Lock held. */
    private long waitAt(long now) {
        return Math.max(0, Math.max(next, now) - now - (long) ((burst() - 1) * interval()));
    }

    private long interval() {
        return Double.isInfinite(rate) ? 0 : (long) (SECOND / rate);
    }

    /**
     * Calls that may go at once after a quiet period: {@code rateLimitBurst}, else one second's worth, but one once a
     * 429 engaged the adaptive limit: the gateway's own burst is unknown, and an even pace is what a 429 asks for.
     */
    private double burst() {
        if (burst > 0) {
            return burst;
        }
        return limiting || Double.isInfinite(rate) ? 1 : Math.max(1, rate);
    }

    private RateLimitedException refused(long wait) {
        return new RateLimitedException(String.format(Locale.ROOT,
                "rate limited on the client: the next request may go in %d ms, beyond requestTimeout (limit %.1f "
                + "requests/s, rateLimitMode=%s)", TimeUnit.NANOSECONDS.toMillis(wait), rate,
                mode.name().toLowerCase(Locale.ROOT)));
    }

    /** Counts a request sent at {@code now} towards the measured send rate. */
    private void count(long now) {
        long slot = now / SLOT;
        int index = (int) Math.floorMod(slot, (long) SLOTS);
        long held = slotOf.get(index);
        if (held < slot && slotOf.compareAndSet(index, held, slot)) {
            sent.set(index, 0);
        }
        sent.incrementAndGet(index);
    }

    /**
     * Requests per second sent over the last second, or over the part of it since sending began (a tenth at least),
     * so a flood that began a moment ago counts at its own rate. Lock held.
     */
    private double sendRate(long now) {
        long current = now / SLOT;
        long oldest = current;
        long total = 0;
        for (int i = 0; i < SLOTS; i++) {
            long slot = slotOf.get(i);
            if (slot > current - SLOTS) {
                total += sent.get(i);
                oldest = Math.min(oldest, slot);
            }
        }
        long span = Math.max(SLOT, now - oldest * SLOT);
        return total * (double) SECOND / span;
    }

    /** The answer to a request that asked for its turn at {@code askedAt} (a {@link Ticker} time): a 429 or not. */
    public void onResponse(boolean throttled, long askedAt) {
        if (mode != Mode.ADAPTIVE || !throttled && !limiting) {
            return;
        }
        lock.lock();
        try {
            long now = ticker.nanos();
            if (throttled) {
                if (limiting && askedAt < lastDrop) {
                    return;
                }
                // limiting: the rate allowed when throttled (what was sent may have been less while calls waited out
                // a Retry-After; counting that would drop the rate in a spiral); before: what was being sent
                lastMax = limiting ? rate : Math.min(ceiling, Math.max(sendRate(now), MIN_RATE));
                lastDrop = now;
                limiting = true;
                setRate(Math.max(MIN_RATE, lastMax * BETA));
            } else if (limiting) {
                double t = (now - lastDrop) / (double) SECOND;
                double k = Math.cbrt(lastMax * (1 - BETA) / SCALE);
                double cubic = SCALE * Math.pow(t - k, 3) + lastMax;
                setRate(Math.max(MIN_RATE, Math.min(ceiling, cubic)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Turns already given keep their times; the next ones come at the new interval. */
    private void setRate(double newRate) {
        rate = newRate;
    }

    /** The current rate in requests per second (infinite when unlimited). */
    public double rate() {
        lock.lock();
        try {
            return rate;
        } finally {
            lock.unlock();
        }
    }

    public Ticker ticker() {
        return ticker;
    }

    public Mode mode() {
        return mode;
    }
}
