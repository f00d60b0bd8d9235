package io.github.camelkoophone.component.cloud.call;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.koophone.KooPhoneApiException;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseReaderTest {

    private static final ResponseReader READER = new ResponseReader(new CloudService("KooPhone", KooPhoneApiException::new));

    private static ObjectNode read(int status, String body) {
        return READER.read("op", null, new ApiResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8)), "rid", true);
    }

    @Test
    void dataObjectIsTheResultWithEnvelopeFieldsBesideIt() {
        ObjectNode data = read(200, "{\"error_code\":\"0\",\"error_msg\":\"OK\",\"data\":{\"task_id\":\"t1\"}}");
        assertThat(data.path("task_id").asText()).isEqualTo("t1");
        assertThat(data.path("error_code").asText()).isEqualTo("0");
        assertThat(data.has("data")).isFalse();
    }

    @Test
    void topLevelFieldsWithoutDataWrapperAreTheData() {
        ObjectNode data = read(200, "{\"error_code\":\"0\",\"status_results\":[{\"instance_id\":\"a\",\"status\":2}]}");
        assertThat(data.path("status_results").get(0).path("status").asInt()).isEqualTo(2);
    }

    @Test
    void nestedDataIsUnwrapped() {
        ObjectNode data = read(200, "{\"error_code\":\"0\",\"data\":{\"data\":{\"task_id\":\"ZGCA1\",\"cmd_jobs\":[]}}}");
        assertThat(data.path("task_id").asText()).isEqualTo("ZGCA1");
        assertThat(data.has("data")).isFalse();
    }

    @Test
    void pagingBesideDataIsCopiedIn() {
        ObjectNode data = read(200, "{\"data\":{\"result\":[]},\"page_no\":1,\"total_count\":72}");
        assertThat(data.path("total_count").asInt()).isEqualTo(72);
        assertThat(data.path("page_no").asInt()).isEqualTo(1);
    }

    @Test
    void pagingInsideDataWinsOverBeside() {
        ObjectNode data = read(200, "{\"data\":{\"result\":[],\"total_count\":5},\"total_count\":72}");
        assertThat(data.path("total_count").asInt()).isEqualTo(5);
    }

    @Test
    void businessErrorWithHttp200IsAnException() {
        assertThatThrownBy(() -> read(200, "{\"error_code\":\"KOOPHONE.API.1012\",\"error_msg\":\"instance not found\"}"))
                .isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(200);
                    assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.1012");
                    assertThat(e.getErrorMessage()).isEqualTo("instance not found");
                    assertThat(e.getRequestId()).isEqualTo("rid");
                    assertThat(e.getOperation()).isEqualTo("op");
                    assertThat(e.getMessage()).contains("op", "200", "KOOPHONE.API.1012", "instance not found", "rid");
                });
    }

    @Test
    void errorInfoSpellingIsReadAsMessage() {
        assertThatThrownBy(() -> read(400, "{\"error_code\":\"KOOPHONE.API.1000\",\"error_info\":\"bad parameter\"}"))
                .isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(400);
                    assertThat(e.getErrorMessage()).isEqualTo("bad parameter");
                });
    }

    @Test
    void gatewayAndIamErrorShapes() {
        assertThatThrownBy(() -> read(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}"))
                .isInstanceOfSatisfying(KooPhoneApiException.class, e -> assertThat(e.getErrorCode()).isEqualTo("APIGW.0301"));
        assertThatThrownBy(() -> read(401, "{\"error\":{\"code\":401,\"title\":\"Unauthorized\",\"message\":\"bad password\"}}"))
                .isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("401");
                    assertThat(e.getErrorMessage()).isEqualTo("bad password");
                });
    }

    @Test
    void htmlErrorPageBecomesAShortMessage() {
        String html = "<html><body><h1>502 Bad Gateway</h1>" + "x".repeat(5000) + "</body></html>";
        assertThatThrownBy(() -> read(502, html))
                .isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(502);
                    assertThat(e.getErrorMessage()).startsWith("non-JSON error body: <html>").hasSizeLessThan(200);
                });
    }

    @Test
    void emptyMalformedAndNonObjectBodiesAreClearErrors() {
        assertThatThrownBy(() -> read(200, "")).hasMessageContaining("empty response body");
        assertThatThrownBy(() -> read(200, "{\"data\":{\"task_id\":")).hasMessageContaining("malformed JSON response");
        assertThatThrownBy(() -> read(200, "[1,2]")).hasMessageContaining("not a JSON object");
    }
}
