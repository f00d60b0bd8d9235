package io.github.camelkoophone.component.cloud.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private static ApiRequest request(boolean idempotent) {
        return new ApiRequest("op", "POST", "http://localhost:1", "/x", List.of(), Map.of(), null, "rid", idempotent, false, 1000);
    }

    private static ApiResponse status(int code) {
        return new ApiResponse(code, Map.of(), new byte[0]);
    }

    @Test
    void retriesOnlyWhatIsSafe() {
        RetryPolicy retry = new RetryPolicy(3, 10, 100, false);
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

        RetryPolicy bold = new RetryPolicy(3, 10, 100, true);
        assertThat(bold.shouldRetry(request(false), status(500), null)).isTrue();
        assertThat(bold.shouldRetry(request(false), null, new IOException("reset"))).isTrue();
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        RetryPolicy retry = new RetryPolicy(10, 100, 1000, false);
        for (int i = 0; i < 50; i++) {
            assertThat(retry.delay(0, null)).isBetween(50L, 100L);
            assertThat(retry.delay(2, null)).isBetween(200L, 400L);
            assertThat(retry.delay(8, null)).isBetween(500L, 1000L);
        }
    }

    @Test
    void retryAfterIsHonouredAndCapped() {
        RetryPolicy retry = new RetryPolicy(3, 100, 5000, false);
        assertThat(retry.delay(0, new ApiResponse(429, Map.of("Retry-After", "2"), null))).isEqualTo(2000);
        assertThat(retry.delay(0, new ApiResponse(429, Map.of("retry-after", "60"), null))).isEqualTo(5000);
        assertThat(RetryPolicy.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
        assertThat(RetryPolicy.retryAfterMillis("soon")).isNull();
    }
}
