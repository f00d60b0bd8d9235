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
        }, new RetryPolicy(2, 1, 5, false), scheduler, Runnable::run);
        assertThat(retrying.run(request(false)).join().status()).isEqualTo(503);
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void finalFailureIsTheUnwrappedCause() {
        Attempts retrying = new Attempts(request -> {
            throw new ConnectException("refused");
        }, new RetryPolicy(1, 1, 5, false), scheduler, Runnable::run);
        assertThatThrownBy(() -> retrying.run(request(false)).join()).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void aFailureThatIsNoIoFailureIsNeverRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        Attempts retrying = new Attempts(request -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("bug");
        }, new RetryPolicy(3, 1, 5, true), scheduler, Runnable::run);
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
        }, new RetryPolicy(3, 1, 5, false), scheduler, command -> {
            throw new AssertionError("nothing runs on the worker");
        });
        assertThat(attempts.run(request(false))).isDone();
        assertThat(ranOn[0]).isSameAs(caller);
    }
}
