package io.github.camelkoophone.component.cloud.call;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.http.Interceptor;
import io.github.camelkoophone.component.cloud.http.RetryPolicy;
import io.github.camelkoophone.component.cloud.telemetry.Meters;
import io.github.camelkoophone.component.cloud.traffic.RateLimitedException;
import io.github.camelkoophone.component.cloud.traffic.Traffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call's attempts through the synchronous chain: the first in the calling thread, each retry after its
 * backoff on the worker pool (never on the timer thread, and never parking the caller). This is where a call
 * leaves its thread; everything below it is a plain method call. It is also where traffic is shaped: each attempt
 * waits for the rate limiter (at most its timeout) and tells it whether it was throttled, and a retry is made only
 * when the retry budget pays for it.
 */
public final class Attempts {

    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    private final Interceptor.Chain chain;
    private final RetryPolicy policy;
    private final Traffic traffic;
    private final ScheduledExecutorService timer;
    private final Executor worker;
    private final Meters meters;

    /** Attempts that record no meters. */
    public Attempts(Interceptor.Chain chain, RetryPolicy policy, Traffic traffic, ScheduledExecutorService timer,
                    Executor worker) {
        this(chain, policy, traffic, timer, worker, Meters.NONE);
    }

    /**
     * @param timer  times the backoff
     * @param worker runs the retries: attempts block their thread, which must not be the timer's
     * @param meters counts retries and times the rate limiter's waits
     */
    public Attempts(Interceptor.Chain chain, RetryPolicy policy, Traffic traffic, ScheduledExecutorService timer,
                    Executor worker, Meters meters) {
        this.chain = chain;
        this.policy = policy;
        this.traffic = traffic;
        this.timer = timer;
        this.worker = worker;
        this.meters = meters;
    }

    /** The final response, or the failure of the last attempt; done on return unless a retry was scheduled. */
    public CompletableFuture<ApiResponse> run(ApiRequest request) {
        return run(request, false);
    }

    /** As {@link #run(ApiRequest)}; a {@code background} call (a consumer's poll) yields to the routes' calls. */
    public CompletableFuture<ApiResponse> run(ApiRequest request, boolean background) {
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        attempt(request, 0, background, result);
        return result;
    }

    private void attempt(ApiRequest request, int retry, boolean background, CompletableFuture<ApiResponse> result) {
        ApiResponse response = null;
        IOException failure = null;
        long askedAt = traffic.limiter().ticker().nanos();
        try {
            long waited = traffic.limiter().acquire(background, TimeUnit.MILLISECONDS.toNanos(request.timeout()));
            if (waited > 0) {
                meters.limiterWaited(waited, false);
            }
            response = chain.proceed(request);
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            // refused before sending (credentials, the rate limit's time budget), or a bug: never repeated
            if (e instanceof RateLimitedException) {
                meters.limiterWaited(0, true);
            }
            result.completeExceptionally(e);
            return;
        }
        if (response != null) {
            traffic.limiter().onResponse(response.status() == 429, askedAt);
            if (response.status() < 500 && response.status() != 429) {
                traffic.quota().refund();
            }
        }
        if (retry < policy.maxRetries() && policy.shouldRetry(request, response, failure)
            && spendOnRetry(request, response, failure)) {
            long delay = policy.delay(retry, response);
            meters.retried(request);
            LOG.debug("{} {}: retry {} of {} in {} ms", request, failure != null ? failure.toString() : "HTTP " + response.status(),
                    retry + 1, policy.maxRetries(), delay);
            try {
                timer.schedule(() -> retry(request, retry + 1, background, result), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                result.completeExceptionally(failure != null ? failure : stopping);
            }
        } else if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(response);
        }
    }

    /** Whether the retry budget pays for the retry; when it does not, the attempt's outcome is final. */
    private boolean spendOnRetry(ApiRequest request, ApiResponse response, IOException failure) {
        if (traffic.quota().spend(failure instanceof InterruptedIOException)) {
            return true;
        }
        LOG.debug("{} {}: not retried, the retry budget is spent", request,
                failure != null ? failure.toString() : "HTTP " + response.status());
        return false;
    }

    private void retry(ApiRequest request, int retry, boolean background, CompletableFuture<ApiResponse> result) {
        try {
            worker.execute(() -> attempt(request, retry, background, result));
        } catch (RejectedExecutionException stopping) {
            result.completeExceptionally(stopping);
        }
    }
}
