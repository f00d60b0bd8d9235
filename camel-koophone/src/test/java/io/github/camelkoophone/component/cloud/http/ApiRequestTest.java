package io.github.camelkoophone.component.cloud.http;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRequestTest {

    private static final ApiRequest REQUEST = new ApiRequest("getTask", "GET", "http://127.0.0.1:8080", "/v1/instances/tasks/t1",
            List.of(), Map.of("x-request-id", "rid", "X-Auth-Token", "old"), null, "rid", true, false, 30_000);

    @Test
    void addedHeadersJoinTheOthersAndReplaceOnesOfTheSameName() {
        ApiRequest added = REQUEST.withHeaders("X-Auth-Token", "new", "X-Sdk-Date", "20261123T180002Z");

        assertThat(added.headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("x-request-id", "rid", "X-Auth-Token", "new", "X-Sdk-Date", "20261123T180002Z"));
        assertThat(REQUEST.headers()).containsEntry("X-Auth-Token", "old").hasSize(2); // a retry starts from this
        assertThat(added.withHeader("x-request-id", "other").headers()).containsEntry("x-request-id", "other").hasSize(3);
    }

    @Test
    void addedHeadersKeepEverythingElse() {
        ApiRequest added = REQUEST.withHeaders("Authorization", "sig");

        assertThat(added).usingRecursiveComparison().ignoringFields("headers").isEqualTo(REQUEST);
        assertThat(added.withHeaders().headers()).isEqualTo(added.headers());
    }

    @Test
    void aNameGivenTwiceIsAMistake() {
        assertThatThrownBy(() -> REQUEST.withHeaders("A", "1", "A", "2")).isInstanceOf(IllegalArgumentException.class);
    }
}
