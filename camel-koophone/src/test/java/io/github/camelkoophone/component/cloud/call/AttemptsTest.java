package io.github.camelkoophone.component.cloud.call;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.http.RetryPolicy;
import io.github.camelkoophone.component.cloud.traffic.RateLimitedException;
import io.github.camelkoophone.component.cloud.traffic.RateLimiter;
import io.github.camelkoophone.component.cloud.traffic.RetryQuota;
import io.github.camelkoophone.component.cloud.traffic.Traffic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptsTest {

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
    void stopsAfterMaxRetriesAndReturnsTheLastResponse() {
        AtomicInteger attempts = new AtomicInteger();
        Attempts retrying = new Attempts(request -> {
            attempts.incrementAndGet();
            return status(503);
        }, new RetryPolicy(2, 1, 5, false), Traffic.NONE, scheduler, Runnable::run);
        assertThat(retrying.run(request(false)).join().status()).isEqualTo(503);
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void finalFailureIsTheUnwrappedCause() {
        Attempts retrying = new Attempts(request -> {
            throw new ConnectException("refused");
        }, new RetryPolicy(1, 1, 5, false), Traffic.NONE, scheduler, Runnable::run);
        assertThatThrownBy(() -> retrying.run(request(false)).join()).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void aFailureThatIsNoIoFailureIsNeverRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        Attempts retrying = new Attempts(request -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("bug");
        }, new RetryPolicy(3, 1, 5, true), Traffic.NONE, scheduler, Runnable::run);
        assertThatThrownBy(() -> retrying.run(request(true)).join()).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void aCallThatNeedsNoRetryIsDoneInTheCallingThread() {
        Thread caller = Thread.currentThread();
        Thread[] ranOn = new Thread[1];
        Attempts attempts = new Attempts(request -> {
            ranOn[0] = Thread.currentThread();
            return status(200);
        }, new RetryPolicy(3, 1, 5, false), Traffic.NONE, scheduler, command -> {
            throw new AssertionError("nothing runs on the worker");
        });
        assertThat(attempts.run(request(false))).isDone();
        assertThat(ranOn[0]).isSameAs(caller);
    }

    @Test
    void anOutageDrainsTheRetryBudgetAndThenCostsOneRequestPerCallUntilSuccessesRefillIt() {
        AtomicInteger requests = new AtomicInteger();
        int[] status = {503};
        RetryQuota quota = new RetryQuota(50);
        Attempts attempts = new Attempts(request -> {
            requests.incrementAndGet();
            return status(status[0]);
        }, new RetryPolicy(3, 0, 0, false), new Traffic(RateLimiter.none(), quota), scheduler, Runnable::run);

        for (int i = 0; i < 100; i++) {
            assertThat(attempts.run(request(false)).join().status()).isEqualTo(503);
        }
        // 50 / 5 = 10 retries in all, then one request per call
        assertThat(requests.get()).isEqualTo(100 + 10);
        assertThat(quota.available()).isLessThan(5);

        status[0] = 200;
        for (int i = 0; i < 20; i++) {
            attempts.run(request(false)).join();
        }
        assertThat(quota.available()).isGreaterThanOrEqualTo(20);
        status[0] = 503;
        requests.set(0);
        attempts.run(request(false)).join();
        assertThat(requests.get()).as("refilled: retried again").isEqualTo(4);
    }

    @Test
    void a429IsToldToTheAdaptiveLimiterWhichThenHoldsTheRetry() {
        AtomicInteger requests = new AtomicInteger();
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.ADAPTIVE, 0, 1, RateLimiter.Ticker.SYSTEM);
        Attempts attempts = new Attempts(request -> requests.incrementAndGet() == 1 ? status(429) : status(200),
                new RetryPolicy(3, 0, 0, false), new Traffic(limiter, new RetryQuota(500)), scheduler, Runnable::run);

        assertThat(attempts.run(request(false)).join().status()).isEqualTo(200);
        assertThat(requests.get()).isEqualTo(2);
        assertThat(limiter.rate()).as("limiting since the 429").isFinite();
    }

    @Test
    void a429ToACallThatAskedForItsTurnBeforeTheLastDropDoesNotDropTheRateAgain() throws Exception {
        long[] now = {0};
        RateLimiter.Ticker ticker = new RateLimiter.Ticker() {
            @Override
            public long nanos() {
                return now[0];
            }

            @Override
            public void sleep(long nanos) {
                now[0] += nanos;
            }
        };
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.ADAPTIVE, 0, 0, ticker);
        for (int i = 0; i < 100; i++) { // 100 requests per second, then a 429: paced from here on
            limiter.acquire(false, Long.MAX_VALUE);
            now[0] += 10_000_000;
        }
        limiter.onResponse(true, now[0]);
        limiter.acquire(false, Long.MAX_VALUE); // the next call's turn is an interval away
        double[] droppedMeanwhile = new double[1];
        Attempts attempts = new Attempts(request -> {
            // while this call waited for its turn, another one's 429 dropped the rate
            limiter.onResponse(true, ticker.nanos());
            droppedMeanwhile[0] = limiter.rate();
            return status(429);
        }, new RetryPolicy(0, 0, 0, false), new Traffic(limiter, new RetryQuota(500)), scheduler, Runnable::run);

        assertThat(attempts.run(request(false)).join().status()).isEqualTo(429);
        assertThat(now[0]).as("the call waited for its turn").isGreaterThan(1_000_000_000L);
        assertThat(limiter.rate()).as("paced at the old rate: its 429 says nothing of the new one")
                .isEqualTo(droppedMeanwhile[0]);
    }

    @Test
    void aCallTheLimiterWouldHoldBeyondItsTimeoutFailsUnsent() {
        AtomicInteger requests = new AtomicInteger();
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.FIXED, 0.5, 1, RateLimiter.Ticker.SYSTEM);
        Attempts attempts = new Attempts(request -> {
            requests.incrementAndGet();
            return status(200);
        }, new RetryPolicy(3, 0, 0, false), new Traffic(limiter, new RetryQuota(500)), scheduler, Runnable::run);

        attempts.run(request(false)).join();
        // the next turn is 2 s away, the request's timeout 1 s
        assertThatThrownBy(() -> attempts.run(request(false)).join()).hasCauseInstanceOf(RateLimitedException.class);
        assertThat(requests.get()).isEqualTo(1);
    }
}
