package io.github.camelkoophone.component.cloud.call;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.http.Interceptor;
import io.github.camelkoophone.component.cloud.http.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call's attempts through the synchronous chain: the first in the calling thread, each retry after its
 * backoff on the worker pool (never on the timer thread, and never parking the caller). This is where a call
 * leaves its thread; everything below it is a plain method call.
 */
public final class Attempts {

    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    private final Interceptor.Chain chain;
    private final RetryPolicy policy;
    private final ScheduledExecutorService timer;
    private final Executor worker;

    /**
     * @param timer  times the backoff
     * @param worker runs the retries: attempts block their thread, which must not be the timer's
     */
    public Attempts(Interceptor.Chain chain, RetryPolicy policy, ScheduledExecutorService timer, Executor worker) {
        this.chain = chain;
        this.policy = policy;
        this.timer = timer;
        this.worker = worker;
    }

    /** The final response, or the failure of the last attempt; done on return unless a retry was scheduled. */
    public CompletableFuture<ApiResponse> run(ApiRequest request) {
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        attempt(request, 0, result);
        return result;
    }

    private void attempt(ApiRequest request, int retry, CompletableFuture<ApiResponse> result) {
        ApiResponse response = null;
        IOException failure = null;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            result.completeExceptionally(e); // refused before sending (credentials), or a bug: never repeated
            return;
        }
        if (retry < policy.maxRetries() && policy.shouldRetry(request, response, failure)) {
            long delay = policy.delay(retry, response);
            LOG.debug("{} {}: retry {} of {} in {} ms", request, failure != null ? failure.toString() : "HTTP " + response.status(),
                    retry + 1, policy.maxRetries(), delay);
            try {
                timer.schedule(() -> retry(request, retry + 1, result), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                result.completeExceptionally(failure != null ? failure : stopping);
            }
        } else if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(response);
        }
    }

    private void retry(ApiRequest request, int retry, CompletableFuture<ApiResponse> result) {
        try {
            worker.execute(() -> attempt(request, retry, result));
        } catch (RejectedExecutionException stopping) {
            result.completeExceptionally(stopping);
        }
    }
}
