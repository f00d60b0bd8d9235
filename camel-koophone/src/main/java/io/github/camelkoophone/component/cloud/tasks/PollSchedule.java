package io.github.camelkoophone.component.cloud.tasks;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each followed task is next asked about. A young task is checked every {@code delay}; an older one at
 * intervals of a tenth of its age, up to {@code maxInterval}; so a task that ended is seen at most
 * max(delay, a tenth of its age, maxInterval) later, and a task of age T costs about 20 + 10 ln(T / 20 delay)
 * checks instead of T / delay. Where the consumer has seen tasks of an operation end, it starts checking most new
 * ones only shortly before the soonest of the recent ends. One in {@link #EXPLORE_EVERY} starts at half that end
 * and teaches the schedule what it sees, so a fleet that gets faster is learnt in halving steps; until {@link #KNOWN}
 * ends of an operation were seen, all its tasks explore (from the start while none is known).
 * All times are epoch milliseconds of the consumer's clock.
 */
final class PollSchedule {

    /** The share of a task's age that its next check may wait: the bound on how late an event comes. */
    static final double AGE_SHARE = 0.1;
    /** The first check of a task of a known operation comes at this share of the soonest recent end. */
    static final double LEARNED_SHARE = 0.8;
    /** The first check of an exploring task of a known operation comes at this share of the soonest recent end. */
    static final double EXPLORER_SHARE = 0.5;
    /** How many recent first ends per operation are kept. */
    static final int RECENT = 16;
    /**
     * How many ends must be known before the soonest is trusted: a new task ends before the soonest of n others
     * with a chance of 1 in n + 1, and is reported late only when it ends before {@code LEARNED_SHARE / 1.1} of it.
     */
    static final int KNOWN = 8;
    /** One task in this many of an operation explores: starts early and teaches the schedule. */
    static final int EXPLORE_EVERY = 4;

    private final long delay;
    private final long maxInterval;
    private final Map<String, long[]> recentEnds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> explorers = new ConcurrentHashMap<>();

    /**
     * @param delay       the consumer's poll delay: the shortest interval
     * @param maxInterval the longest interval ({@code maxPollInterval}); at most {@code delay} checks every task at
     *                    every poll, as a fixed schedule would
     */
    PollSchedule(long delay, long maxInterval) {
        this.delay = delay;
        this.maxInterval = Math.max(delay, maxInterval);
    }

    /**
     * Whether a new task of {@code operation} explores: is first checked early enough to learn how long the
     * operation's tasks take from it; every {@link #EXPLORE_EVERY}th one, and all while nothing is known. A task
     * first checked near the soonest known end says little about how much sooner it ended, so only explorers teach.
     */
    boolean explores(String operation) {
        if (operation == null || maxInterval == delay) {
            return true;
        }
        return soonestEnd(operation, KNOWN) < 0
               || explorers.computeIfAbsent(operation, op -> new AtomicLong()).incrementAndGet() % EXPLORE_EVERY == 0;
    }

    /** When a task registered at {@code registeredAt} is first asked about. */
    long first(String operation, long registeredAt, boolean explores) {
        // an explorer trusts even one end, at half of it; the rest wait for KNOWN
        long soonest = soonestEnd(operation, explores ? 1 : KNOWN);
        // the checks before an end the operation has not been seen this soon are saved; the poll after it reports
        long skip = soonest < 0 ? 0 : (long) (soonest * (explores ? EXPLORER_SHARE : LEARNED_SHARE)) - delay;
        return registeredAt + Math.max(0, skip);
    }

    /** When a task registered at {@code registeredAt} and asked about at {@code now} is asked about next. */
    long next(long registeredAt, long now) {
        long age = Math.max(0, now - registeredAt);
        // less a delay: the check is made at the first poll after it is due, up to a delay later
        return now + Math.max(delay, Math.min(maxInterval, (long) (age * AGE_SHARE)) - delay);
    }

    /** Whether a task due at {@code dueAt} is asked about in the poll that starts at {@code pollStart}. */
    boolean due(long dueAt, long pollStart) {
        // half a delay early rather than a whole delay late: polls do not start exactly a delay apart
        return dueAt <= pollStart + delay / 2;
    }

    /** A task of {@code operation} that {@link #explores} was first seen with an ended job {@code age} ms old. */
    void learn(String operation, long age) {
        if (operation == null || maxInterval == delay) {
            return;
        }
        recentEnds.compute(operation, (op, ends) -> {
            long[] kept = ends == null ? new long[0] : ends;
            long[] next = Arrays.copyOf(kept, Math.min(RECENT, kept.length + 1));
            System.arraycopy(kept, 0, next, 1, next.length - 1);
            next[0] = age;
            return next;
        });
    }

    /** The soonest of the operation's recent ends, or -1 while fewer than {@code known} are known. */
    private long soonestEnd(String operation, int known) {
        long[] ends = operation == null ? null : recentEnds.get(operation);
        return ends == null || ends.length < known ? -1 : Arrays.stream(ends).min().orElse(-1);
    }
}
