package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class KooPhoneErrorsAndRetriesTest extends WireMockTestSupport {

    private static final String RESET = "/v1/instances/batch-reset";
    private static final String TASK = "/v1/instances/tasks/t1";
    private static final Map<String, Object> IDS = Map.of(KooPhoneConstants.INSTANCE_IDS, "a1,b2");

    private static String taskOk() {
        return "{\"error_code\":\"0\",\"error_msg\":\"OK\",\"data\":{\"task_id\":\"RM_1\",\"cmd_jobs\":[{\"instance_id\":\"a1\",\"job_id\":\"j1\"}]}}";
    }

    @Test
    void retriesAfter429HonouringRetryAfterWithTheSameRequestId() {
        wm.stubFor(post(RESET).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        wm.stubFor(post(RESET).inScenario("throttled").whenScenarioStateIs("ok").willReturn(okJson(taskOk())));

        Exchange out = call("koophone:batchReset", null, IDS);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(TaskResult.class).getTaskId()).isEqualTo("RM_1");
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo(RESET)));
        assertThat(sent).hasSize(2);
        String requestId = sent.get(0).getHeader("x-request-id");
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(sent.get(1).getHeader("x-request-id")).isEqualTo(requestId);
        assertThat(out.getMessage().getHeader(KooPhoneConstants.REQUEST_ID)).isEqualTo(requestId);
    }

    @Test
    void retriesOn502503504UpToMaxRetriesThenFails() {
        wm.stubFor(post(RESET).willReturn(aResponse().withStatus(503)));

        Exchange out = call("koophone:batchReset?maxRetries=2", null, IDS);

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(503));
        wm.verify(3, postRequestedFor(urlEqualTo(RESET)));
    }

    @Test
    void http500OnNonIdempotentOperationIsSentExactlyOnce() {
        wm.stubFor(post(RESET).willReturn(aResponse().withStatus(500)
                .withBody("{\"error_code\":\"KOOPHONE.API.9999\",\"error_msg\":\"internal error\"}")));

        Exchange out = call("koophone:batchReset", null, IDS);

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(500);
            assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.9999");
        });
        wm.verify(1, postRequestedFor(urlEqualTo(RESET)));
    }

    @Test
    void http500OnNonIdempotentOperationIsRetriedWhenAllowed() {
        wm.stubFor(post(RESET).inScenario("500").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        wm.stubFor(post(RESET).inScenario("500").whenScenarioStateIs("ok").willReturn(okJson(taskOk())));

        Exchange out = call("koophone:batchReset?retryNonIdempotent=true", null, IDS);

        assertThat(out.getException()).isNull();
        wm.verify(2, postRequestedFor(urlEqualTo(RESET)));
    }

    @Test
    void http500OnIdempotentOperationIsRetried() {
        wm.stubFor(get(TASK).inScenario("500").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        wm.stubFor(get(TASK).inScenario("500").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"jobs\":[]}}")));

        Exchange out = call("koophone:getTask?taskId=t1", null);

        assertThat(out.getException()).isNull();
        wm.verify(2, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void droppedConnectionIsRetriedOnlyForIdempotentOperations() {
        wm.stubFor(post(RESET).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(TASK).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Exchange reset = call("koophone:batchReset", null, IDS);
        Exchange task = call("koophone:getTask?taskId=t1&maxRetries=2", null);

        assertThat(reset.getException()).isInstanceOf(java.io.IOException.class);
        assertThat(task.getException()).isInstanceOf(java.io.IOException.class);
        wm.verify(1, postRequestedFor(urlEqualTo(RESET)));
        wm.verify(3, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void readTimeoutFailsWithinTheRequestTimeoutAndIsNotRetriedForStateChanges() {
        wm.stubFor(post(RESET).willReturn(okJson(taskOk()).withFixedDelay(3000)));

        Exchange out = call("koophone:batchReset?requestTimeout=300", null, IDS);

        // the timeout's exception, not the answer the server sent 3 s later: the request timeout ended the call
        assertThat(out.getException()).isInstanceOf(java.net.SocketTimeoutException.class)
                .hasMessageContaining("300 ms");
        wm.verify(1, postRequestedFor(urlEqualTo(RESET)));
    }

    @Test
    void http200WithBusinessErrorCodeIsAnException() {
        wm.stubFor(post(RESET).willReturn(okJson("{\"error_code\":\"KOOPHONE.API.1012\",\"error_msg\":\"instance not found\"}")));

        Exchange out = call("koophone:batchReset", null, Map.of(KooPhoneConstants.INSTANCE_IDS, "a1",
                KooPhoneConstants.REQUEST_ID, "0123456789abcdef0123456789abcdef"));

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(200);
            assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.1012");
            assertThat(e.getErrorMessage()).isEqualTo("instance not found");
            assertThat(e.getRequestId()).isEqualTo("0123456789abcdef0123456789abcdef");
            assertThat(e.getOperation()).isEqualTo("batchReset");
        });
        wm.verify(1, postRequestedFor(urlEqualTo(RESET))
                .withHeader("x-request-id", equalTo("0123456789abcdef0123456789abcdef")));
    }

    @Test
    void connectionRefusedIsRetriedThenSurfacesAsIoFailure() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        Exchange out = call("koophone:batchReset?endpoint=http://127.0.0.1:" + closedPort + "&maxRetries=2", null, IDS);
        assertThat(out.getException()).isInstanceOf(java.net.ConnectException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }

    @Test
    void splitsLongIdListsAndMergesResultsWithEveryTaskIdInInputOrderWhenLaterChunksAnswerFirst() {
        // two chunks in flight: the second answers before the first, and the third, started then, does too
        wm.stubFor(post(RESET).withRequestBody(matching(".*\"a000\".*")).willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"task_id\":\"RM_A\",\"ecmd_jobs\":[{\"instance_id\":\"a000\",\"job_id\":\"j0\"}]}}")
                .withFixedDelay(600)));
        wm.stubFor(post(RESET).withRequestBody(matching(".*\"a040\".*")).willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"task_id\":\"RM_B\",\"cmd_jobs\":[{\"instance_id\":\"a040\",\"job_id\":\"j1\"}]}}")
                .withFixedDelay(300)));
        wm.stubFor(post(RESET).withRequestBody(matching(".*\"a080\".*")).willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"task_id\":\"RM_C\",\"cmd_jobs\":[{\"instance_id\":\"a080\",\"job_id\":\"j2\"}]}}")));
        List<String> ids = java.util.stream.IntStream.range(0, 100).mapToObj(i -> String.format("a%03d", i)).toList();

        Exchange out = call("koophone:batchReset?maxBatchSize=40&batchConcurrency=2", null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, ids));

        assertThat(out.getException()).isNull();
        TaskResult result = out.getMessage().getBody(TaskResult.class);
        assertThat(result.getTaskId()).isEqualTo("RM_A");
        assertThat(result.getCmdJobs()).extracting(j -> j.getJobId() + "@" + j.getTaskId())
                .containsExactly("j0@RM_A", "j1@RM_B", "j2@RM_C");
        assertThat(out.getMessage().getHeader(KooPhoneConstants.TASK_IDS, List.class)).containsExactly("RM_A", "RM_B", "RM_C");
        assertThat(out.getMessage().getHeader(KooPhoneConstants.TASK_ID)).isEqualTo("RM_A");
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo(RESET)));
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(r -> r.getHeader("x-request-id")).doesNotHaveDuplicates();
        assertThat(sent).extracting(r -> r.getBodyAsString().split("\",\"").length).containsExactlyInAnyOrder(40, 40, 20);
    }
}
