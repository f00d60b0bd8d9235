package io.github.camelkoophone.component.koophone.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries with exponential backoff and jitter. A call is retried when the server certainly did not act on it
 * (429, 502, 503, 504, or a connection that was never made), and after failures where it may have acted (500, a
 * read timeout, a dropped connection) only when the call is idempotent or {@code retryNonIdempotent} is set.
 * Everything else, 401 included, is final, and so is a response that broke a size limit (the same answer again).
 */
public final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

    private final RetryPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Executor worker;

    /**
     * @param scheduler times the backoff
     * @param worker    runs the retry: attempts block their thread, which must not be the scheduler's
     */
    public RetryInterceptor(RetryPolicy policy, ScheduledExecutorService scheduler, Executor worker) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.worker = worker;
    }

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        CompletableFuture<ApiResponse> first = chain.proceed(request);
        if (first.isDone() && !first.isCompletedExceptionally() && !shouldRetry(request, first.join(), null)) {
            return first; // the usual case: answered in this thread, nothing to retry, no future to chain
        }
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        handle(request, chain, 0, first, result);
        return result;
    }

    private void attempt(ApiRequest request, Chain chain, int retry, CompletableFuture<ApiResponse> result) {
        handle(request, chain, retry, chain.proceed(request), result);
    }

    private void handle(ApiRequest request, Chain chain, int retry, CompletableFuture<ApiResponse> attempt,
                        CompletableFuture<ApiResponse> result) {
        attempt.whenComplete((response, failure) -> {
            Throwable cause = unwrap(failure);
            if (retry < policy.maxRetries() && shouldRetry(request, response, cause)) {
                long delay = delay(retry, response);
                LOG.debug("{} {}: retry {} of {} in {} ms", request, describe(response, cause), retry + 1,
                        policy.maxRetries(), delay);
                scheduler.schedule(() -> worker.execute(() -> attempt(request, chain, retry + 1, result)), delay,
                        TimeUnit.MILLISECONDS);
            } else if (cause != null) {
                result.completeExceptionally(cause);
            } else {
                result.complete(response);
            }
        });
    }

    boolean shouldRetry(ApiRequest request, ApiResponse response, Throwable failure) {
        boolean mayRepeat = request.idempotent() || policy.retryNonIdempotent();
        if (failure != null) {
            return neverSent(failure) || failure instanceof IOException && mayRepeat && !brokeALimit(failure);
        }
        return switch (response.status()) {
            case 429, 502, 503, 504 -> true;
            case 500 -> mayRepeat;
            default -> false;
        };
    }

    /** Failures before the request left this machine: repeating cannot run anything twice. */
    static boolean neverSent(Throwable failure) {
        return failure instanceof ConnectException
               || failure instanceof ConnectTimeoutException
               || failure instanceof UnknownHostException
               || failure instanceof NoRouteToHostException;
    }

    /** The response was too big (body, a header line, or too many headers): asking again gets the same. */
    static boolean brokeALimit(Throwable failure) {
        return failure instanceof ResponseTooLargeException || failure instanceof MessageConstraintException;
    }

    long delay(int retry, ApiResponse response) {
        Long retryAfter = response == null ? null : retryAfterMillis(response.header("Retry-After"));
        if (retryAfter != null) {
            return Math.min(retryAfter, policy.maxRetryDelay());
        }
        long backoff = Math.min(policy.maxRetryDelay(), policy.retryDelay() << Math.min(retry, 30));
        // equal jitter: at least half the backoff, so clients that failed together do not retry together
        long half = backoff / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }

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

    private static String describe(ApiResponse response, Throwable failure) {
        return failure != null ? failure.getClass().getSimpleName() + ": " + failure.getMessage() : "HTTP " + response.status();
    }

    static Throwable unwrap(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
