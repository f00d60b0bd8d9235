package io.github.camelkoophone.component.koophone.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryInterceptorTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static ApiRequest request(boolean idempotent) {
        return new ApiRequest("op", "POST", "http://localhost:1", "/x", List.of(), Map.of(), null, "rid", idempotent, false, 1000);
    }

    private static ApiResponse status(int code) {
        return new ApiResponse(code, Map.of(), new byte[0]);
    }

    @Test
    void retriesOnlyWhatIsSafe() {
        RetryInterceptor retry = new RetryInterceptor(new RetryPolicy(3, 10, 100, false), scheduler, Runnable::run);
        for (int code : new int[] { 429, 502, 503, 504 }) {
            assertThat(retry.shouldRetry(request(false), status(code), null)).as("HTTP %d", code).isTrue();
        }
        for (int code : new int[] { 200, 400, 401, 403, 404 }) {
            assertThat(retry.shouldRetry(request(true), status(code), null)).as("HTTP %d", code).isFalse();
        }
        assertThat(retry.shouldRetry(request(false), status(500), null)).isFalse();
        assertThat(retry.shouldRetry(request(true), status(500), null)).isTrue();
        assertThat(retry.shouldRetry(request(false), null, new ConnectException("refused"))).isTrue();
        assertThat(retry.shouldRetry(request(false), null, new SocketTimeoutException("read"))).isFalse();
        assertThat(retry.shouldRetry(request(true), null, new SocketTimeoutException("read"))).isTrue();
        assertThat(retry.shouldRetry(request(true), null, new IllegalStateException("bug"))).isFalse();

        RetryInterceptor bold = new RetryInterceptor(new RetryPolicy(3, 10, 100, true), scheduler, Runnable::run);
        assertThat(bold.shouldRetry(request(false), status(500), null)).isTrue();
        assertThat(bold.shouldRetry(request(false), null, new IOException("reset"))).isTrue();
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        RetryInterceptor retry = new RetryInterceptor(new RetryPolicy(10, 100, 1000, false), scheduler, Runnable::run);
        for (int i = 0; i < 50; i++) {
            assertThat(retry.delay(0, null)).isBetween(50L, 100L);
            assertThat(retry.delay(2, null)).isBetween(200L, 400L);
            assertThat(retry.delay(8, null)).isBetween(500L, 1000L);
        }
    }

    @Test
    void retryAfterIsHonouredAndCapped() {
        RetryInterceptor retry = new RetryInterceptor(new RetryPolicy(3, 100, 5000, false), scheduler, Runnable::run);
        assertThat(retry.delay(0, new ApiResponse(429, Map.of("Retry-After", "2"), null))).isEqualTo(2000);
        assertThat(retry.delay(0, new ApiResponse(429, Map.of("retry-after", "60"), null))).isEqualTo(5000);
        assertThat(RetryInterceptor.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
        assertThat(RetryInterceptor.retryAfterMillis("soon")).isNull();
    }

    @Test
    void stopsAfterMaxRetriesAndReturnsTheLastResponse() {
        AtomicInteger attempts = new AtomicInteger();
        CallPipeline pipeline = new CallPipeline(List.of(new RetryInterceptor(new RetryPolicy(2, 1, 5, false), scheduler, Runnable::run)),
                r -> {
                    attempts.incrementAndGet();
                    return CompletableFuture.completedFuture(status(503));
                });
        assertThat(pipeline.execute(request(false)).join().status()).isEqualTo(503);
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void finalFailureIsTheUnwrappedCause() {
        CallPipeline pipeline = new CallPipeline(List.of(new RetryInterceptor(new RetryPolicy(1, 1, 5, false), scheduler, Runnable::run)),
                r -> CompletableFuture.failedFuture(new ConnectException("refused")));
        assertThatThrownBy(() -> pipeline.execute(request(false)).join()).hasCauseInstanceOf(ConnectException.class);
    }
}
