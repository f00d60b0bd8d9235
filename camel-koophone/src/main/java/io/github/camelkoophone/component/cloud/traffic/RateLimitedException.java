package io.github.camelkoophone.component.cloud.traffic;

/**
 * A call that was not sent because the component's own rate limit would have held it longer than its time budget
 * ({@code requestTimeout}): the service did not see it. Lower the send rate, raise {@code maxRequestsPerSecond} (with
 * {@code rateLimitMode=fixed}) or {@code requestTimeout}.
 */
public class RateLimitedException extends RuntimeException {

    public RateLimitedException(String message) {
        super(message);
    }
}
