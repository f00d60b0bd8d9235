package io.github.camelkoophone.component.koophone.transport;

/**
 * When and how long to wait before retrying.
 *
 * @param maxRetries         retries after the first attempt
 * @param retryDelay         first backoff in ms, doubled each retry
 * @param maxRetryDelay      cap of any delay in ms, Retry-After included
 * @param retryNonIdempotent retry state-changing calls after failures where the request may have reached the server
 */
public record RetryPolicy(int maxRetries, long retryDelay, long maxRetryDelay, boolean retryNonIdempotent) {

    public static final RetryPolicy NONE = new RetryPolicy(0, 0, 0, false);
}
