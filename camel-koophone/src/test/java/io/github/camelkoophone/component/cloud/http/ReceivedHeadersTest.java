package io.github.camelkoophone.component.cloud.http;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivedHeadersTest {

    private final ApiResponse response = ApiResponse.received(200,
            new String[] { "X-Subject-Token", "first", "Retry-After", "2", "x-subject-token", "second" }, null);

    @Test
    void looksUpAnyCaseAndTheFirstOfARepeatedNameWins() {
        assertThat(response.header("x-SUBJECT-token")).isEqualTo("first");
        assertThat(response.header("retry-after")).isEqualTo("2");
        assertThat(response.header("Location")).isNull();
        assertThat(response.headers().containsKey("RETRY-AFTER")).isTrue();
        assertThat(response.headers().get(42)).isNull();
    }

    @Test
    void iteratesAsTheSortedMapItStandsFor() {
        assertThat(response.headers()).hasSize(2).isEqualTo(Map.of("X-Subject-Token", "first", "Retry-After", "2"));
        assertThat(response.headers().keySet()).containsExactly("Retry-After", "X-Subject-Token");
        assertThat(new ApiResponse(200, response.headers(), null).headers()).isSameAs(response.headers());
    }
}
