package io.github.camelkoophone.component.cloud.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingInterceptorTest {

    @Test
    void masksEveryCredentialLikeField() {
        String json = "{\"device_token\":\"dt-123\",\"password\":\"p\\\"w\",\"X-Auth-Token\":\"tok\",\"secretKey\":\"sk\","
                      + "\"instance_id\":\"a1\",\"nested\":{\"security_token\":\"st\"}}";
        String redacted = LoggingInterceptor.redact(json);
        assertThat(redacted).doesNotContain("dt-123", "p\\\"w", "tok\"", "\"sk\"", "\"st\"").contains("\"instance_id\":\"a1\"");
        assertThat(LoggingInterceptor.bodyForLog("{\"password\":\"x\"}".getBytes(), true)).doesNotContain("password");
    }
}
