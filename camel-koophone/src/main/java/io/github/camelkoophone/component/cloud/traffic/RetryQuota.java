package io.github.camelkoophone.component.cloud.traffic;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The component's retry budget (the AWS SDK's standard retry quota): a retry spends {@link #RETRY_COST} tokens,
 * {@link #TIMEOUT_COST} after a timeout, and every answer that is not a failure gives one back, up to the capacity.
 * Invariant: a drained budget pays for no retry, so while the service fails every call costs one request (at most
 * {@code maxRetries + 1} with a budget left); successes refill it.
 */
public final class RetryQuota {

    static final int RETRY_COST = 5;
    static final int TIMEOUT_COST = 10;
    static final int REFUND = 1;

    /** No budget: every retry the policy allows is made. */
    public static final RetryQuota UNLIMITED = new RetryQuota(0);

    private final int capacity;
    private final AtomicInteger available;

    /** @param capacity the budget's size ({@code retryQuota}); 0 turns it off */
    public RetryQuota(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("retryQuota must be 0 or more: " + capacity);
        }
        this.capacity = capacity;
        this.available = new AtomicInteger(capacity);
    }

    /** Takes the cost of one retry; false when the budget cannot pay for it, and the retry is not made. */
    public boolean spend(boolean afterTimeout) {
        if (capacity == 0) {
            return true;
        }
        int cost = afterTimeout ? TIMEOUT_COST : RETRY_COST;
        while (true) {
            int now = available.get();
            if (now < cost) {
                return false;
            }
            if (available.compareAndSet(now, now - cost)) {
                return true;
            }
        }
    }

    /** An answer that was not a failure: gives one token back. */
    public void refund() {
        if (capacity == 0) {
            return;
        }
        available.getAndUpdate(now -> Math.min(capacity, now + REFUND));
    }

    /** Tokens left. */
    public int available() {
        return capacity == 0 ? Integer.MAX_VALUE : available.get();
    }
}
