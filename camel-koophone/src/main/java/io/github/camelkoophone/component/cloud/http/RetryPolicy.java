package io.github.camelkoophone.component.cloud.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;

/**
 * When an attempt is repeated and after how long. A call is retried when the server certainly did not act on it
 * (429, 502, 503, 504, or a connection that was never made), and after failures where it may have acted (500, a
 * read timeout, a dropped connection) only when the call is idempotent or {@code retryNonIdempotent} is set.
 * Everything else, 401 included, is final, and so is a response that broke a size limit (the same answer again).
 * The delay doubles from {@code retryDelay} with equal jitter, capped by {@code maxRetryDelay}, and a
 * {@code Retry-After} is honoured up to the same cap.
 *
 * @param maxRetries         retries after the first attempt
 * @param retryDelay         first backoff in ms, doubled each retry
 * @param maxRetryDelay      cap of any delay in ms, Retry-After included
 * @param retryNonIdempotent retry state-changing calls after failures where the request may have reached the server
 */
public record RetryPolicy(int maxRetries, long retryDelay, long maxRetryDelay, boolean retryNonIdempotent) {

    public static final RetryPolicy NONE = new RetryPolicy(0, 0, 0, false);

    /** Whether an attempt that ended so ({@code response} or {@code failure}) is worth repeating. */
    public boolean shouldRetry(ApiRequest request, ApiResponse response, IOException failure) {
        boolean mayRepeat = request.idempotent() || retryNonIdempotent;
        if (failure != null) {
            return neverSent(failure) || mayRepeat && !brokeALimit(failure);
        }
        return switch (response.status()) {
            case 429, 502, 503, 504 -> true;
            case 500 -> mayRepeat;
            default -> false;
        };
    }

    /** Failures before the request left this machine: repeating cannot run anything twice. */
    static boolean neverSent(IOException failure) {
        return failure instanceof ConnectException
               || failure instanceof ConnectTimeoutException
               || failure instanceof UnknownHostException
               || failure instanceof NoRouteToHostException;
    }

    /** The response was too big (body, a header line, or too many headers): asking again gets the same. */
    static boolean brokeALimit(IOException failure) {
        return failure instanceof ResponseTooLargeException || failure instanceof MessageConstraintException;
    }

    /** How long to wait before retry number {@code retry + 1}, after {@code response} (null after a failure). */
    public long delay(int retry, ApiResponse response) {
        Long retryAfter = response == null ? null : retryAfterMillis(response.header("Retry-After"));
        if (retryAfter != null) {
            return Math.min(retryAfter, maxRetryDelay);
        }
        long backoff = Math.min(maxRetryDelay, retryDelay << Math.min(retry, 30));
        // equal jitter: at least half the backoff, so clients that failed together do not retry together
        long half = backoff / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }

    /** A Retry-After value (seconds or an HTTP date) in ms, or null when absent or unreadable. */
    static Long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
