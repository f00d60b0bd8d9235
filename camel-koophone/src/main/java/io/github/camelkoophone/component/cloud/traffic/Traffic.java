package io.github.camelkoophone.component.cloud.traffic;

/**
 * What shapes a component's traffic to one service with one set of credentials: its rate limit and its retry
 * budget, shared by every producer and consumer that sends with those credentials.
 */
public record Traffic(RateLimiter limiter, RetryQuota quota) {

    /** No limit, no budget: every call goes at once and every retry the policy allows is made. */
    public static final Traffic NONE = new Traffic(RateLimiter.none(), RetryQuota.UNLIMITED);
}
