package io.github.camelkoophone.component.cph;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ListJobsResult;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cph: operations on the wire: paths, query strings, bodies, auth headers and how responses are read. */
class CphWireTest {

    static final String PROJECT = "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "MIIStatic-test-token";
    static final String PHONES = "/v1/" + PROJECT + "/cloud-phone/phones";
    static final String JOBS = "/v1/" + PROJECT + "/cloud-phone/jobs";

    /** The getting-started seed's listJobs answer. */
    static final String SEED_JOBS = """
            { "request_id": "6a63a18b8bab40ffb71ebd9cb80d0085", "jobs": [ { "phone_id": "1234567b8bab40ffb711234cb80d0234",
              "server_id": "1e223c8e-3ad0-4bf0-a837-bc90d4f91d01", "node_id": "1e223c8e-3ad0-4bf0-a837-bc90d4f91d01",
              "job_id": "1564567b8bab40f34711234cb80d0123", "begin_time": "2017-10-25T00:00:00Z",
              "end_time": "2017-12-26T00:00:00Z", "status": 2, "error_code": "", "error_msg": "" } ] }""";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    CamelContext context;
    ProducerTemplate template;
    CphComponent component;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        component = new CphComponent();
        CphConfiguration c = component.getConfiguration();
        c.setEndpoint(wm.baseUrl());
        c.setProjectId(PROJECT);
        c.setAuthToken(TOKEN);
        c.setRetryDelay(5);
        c.setMaxRetryDelay(50);
        context.addComponent("cph", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            headers.forEach(exchange.getMessage()::setHeader);
        });
    }

    static String phones(int from, int count, int total) {
        String list = IntStream.range(from, from + count)
                .mapToObj(i -> "{\"phone_id\":\"phone" + i + "\",\"phone_name\":\"p" + i + "\",\"server_id\":\"s1\",\"status\":1,\"type\":0,"
                               + "\"metadata\":{\"order_id\":\"o1\",\"product_id\":\"pr1\"}}")
                .collect(Collectors.joining(","));
        return "{\"request_id\":\"r1\",\"count\":" + total + ",\"phones\":[" + list + "]}";
    }

    @Test
    void listCloudPhonesSendsTheProjectScopedPathTheFiltersAndTheToken() {
        wm.stubFor(get(urlPathEqualTo(PHONES)).willReturn(okJson(phones(0, 2, 2))));

        Exchange out = call("cph:listCloudPhones?offset=0&limit=100&status=1&phoneName=p&serverId=s1&type=0", null, Map.of());

        assertThat(out.getException()).isNull();
        ListCloudPhonesResult result = out.getMessage().getBody(ListCloudPhonesResult.class);
        assertThat(result.getCount()).isEqualTo(2);
        assertThat(result.getPhones()).extracting("phoneId").containsExactly("phone0", "phone1");
        assertThat(result.getPhones().get(0).getMetadata().getOrderId()).isEqualTo("o1");
        wm.verify(getRequestedFor(urlPathEqualTo(PHONES)).withQueryParam("offset", equalTo("0"))
                .withQueryParam("limit", equalTo("100")).withQueryParam("status", equalTo("1"))
                .withQueryParam("phone_name", equalTo("p")).withQueryParam("server_id", equalTo("s1"))
                .withQueryParam("type", equalTo("0")).withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("x-request-id", matching("[0-9a-f]{32}")));
    }

    @Test
    void allPagesFollowsOffsetToTheEndAndMergesThePhones() {
        wm.stubFor(get(urlPathEqualTo(PHONES)).withQueryParam("offset", equalTo("0")).willReturn(okJson(phones(0, 2, 5))));
        wm.stubFor(get(urlPathEqualTo(PHONES)).withQueryParam("offset", equalTo("2")).willReturn(okJson(phones(2, 2, 5))));
        wm.stubFor(get(urlPathEqualTo(PHONES)).withQueryParam("offset", equalTo("4")).willReturn(okJson(phones(4, 1, 5))));

        Exchange out = call("cph:listCloudPhones?allPages=true&limit=2", null, Map.of());

        assertThat(out.getException()).isNull();
        ListCloudPhonesResult result = out.getMessage().getBody(ListCloudPhonesResult.class);
        assertThat(result.getCount()).isEqualTo(5);
        assertThat(result.getPhones()).extracting("phoneId").containsExactly("phone0", "phone1", "phone2", "phone3", "phone4");
        wm.verify(3, getRequestedFor(urlPathEqualTo(PHONES)).withQueryParam("limit", equalTo("2")));
    }

    @Test
    void restartCloudPhonesPostsThePhonesAndReturnsTheRequestIdAndJobs() {
        wm.stubFor(post(urlPathEqualTo(PHONES + "/batch-restart")).willReturn(okJson("""
                {"request_id":"req1","jobs":[{"phone_id":"a","job_id":"j1"},{"phone_id":"b","job_id":"j2"}]}""")));

        Exchange out = call("cph:restartCloudPhones", null, Map.of(CphConstants.PHONE_IDS, List.of("a", "b")));

        assertThat(out.getException()).isNull();
        RestartCloudPhonesResult result = out.getMessage().getBody(RestartCloudPhonesResult.class);
        assertThat(result.getRequestId()).isEqualTo("req1");
        assertThat(result.getJobs()).extracting("jobId").containsExactly("j1", "j2");
        assertThat(out.getMessage().getHeader(CphConstants.REQUEST_ID)).isEqualTo("req1");
        wm.verify(postRequestedFor(urlPathEqualTo(PHONES + "/batch-restart"))
                .withRequestBody(equalToJson("{\"phones\":[{\"phone_id\":\"a\"},{\"phone_id\":\"b\"}]}")));
    }

    @Test
    void aBodyWinsOverHeadersAndOptions() {
        wm.stubFor(post(urlPathEqualTo(PHONES + "/batch-restart")).willReturn(okJson("{\"request_id\":\"r\",\"jobs\":[]}")));

        Exchange out = call("cph:restartCloudPhones?phoneIds=x", "{\"phones\":[{\"phone_id\":\"fromBody\"}],\"image_id\":\"img\"}", Map.of());

        assertThat(out.getException()).isNull();
        wm.verify(postRequestedFor(urlPathEqualTo(PHONES + "/batch-restart"))
                .withRequestBody(equalToJson("{\"image_id\":\"img\",\"phones\":[{\"phone_id\":\"fromBody\"}]}")));
    }

    @Test
    void longPhoneListsAreSplitAtTheApisMaximum() {
        wm.stubFor(post(urlPathEqualTo(PHONES + "/batch-restart")).willReturn(okJson("{\"request_id\":\"r\",\"jobs\":[{\"phone_id\":\"p\",\"job_id\":\"j\"}]}")));
        List<String> ids = IntStream.range(0, 150).mapToObj(i -> "phone" + i).toList();

        Exchange out = call("cph:restartCloudPhones", null, Map.of(CphConstants.PHONE_IDS, ids));

        assertThat(out.getException()).isNull();
        wm.verify(2, postRequestedFor(urlPathEqualTo(PHONES + "/batch-restart")));
        assertThat(out.getMessage().getBody(RestartCloudPhonesResult.class).getJobs()).hasSize(2);
    }

    @Test
    void listJobsReadsTheSeedsAnswer() {
        wm.stubFor(get(urlPathEqualTo(JOBS)).willReturn(okJson(SEED_JOBS)));

        Exchange out = call("cph:listJobs", null, Map.of(CphConstants.REQUEST_ID, "6a63a18b8bab40ffb71ebd9cb80d0085"));

        assertThat(out.getException()).isNull();
        ListJobsResult result = out.getMessage().getBody(ListJobsResult.class);
        assertThat(result.getRequestId()).isEqualTo("6a63a18b8bab40ffb71ebd9cb80d0085");
        CphJob job = result.getJobs().get(0);
        assertThat(job.getStatus()).isEqualTo(2);
        assertThat(job.getPhoneId()).isEqualTo("1234567b8bab40ffb711234cb80d0234");
        assertThat(job.getNodeId()).isEqualTo("1e223c8e-3ad0-4bf0-a837-bc90d4f91d01");
        assertThat(job.getEndTime()).isEqualTo("2017-12-26T00:00:00Z");
        wm.verify(getRequestedFor(urlPathEqualTo(JOBS)).withQueryParam("request_id", equalTo("6a63a18b8bab40ffb71ebd9cb80d0085")));
    }

    @Test
    void showJobPutsTheJobIdInThePath() {
        wm.stubFor(get(urlPathEqualTo(JOBS + "/job-1")).willReturn(okJson(
                "{\"request_id\":\"x\",\"job_id\":\"job-1\",\"status\":1,\"phone_id\":\"a\",\"begin_time\":\"2024-01-01T00:00:00Z\"}")));

        Exchange out = call("cph:showJob?jobId=job-1", null, Map.of());

        assertThat(out.getException()).isNull();
        CphJob job = out.getMessage().getBody(CphJob.class);
        assertThat(job.getJobId()).isEqualTo("job-1");
        assertThat(job.getStatus()).isEqualTo(1);
    }

    @Test
    void errorsBecomeApiExceptionsWithCphsCode() {
        wm.stubFor(get(urlPathEqualTo(JOBS + "/nope")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":\"CPS.0015\",\"error_msg\":\"The job does not exist.\"}")));

        Exchange out = call("cph:showJob", null, Map.of(CphConstants.JOB_ID, "nope"));

        assertThat(out.getException()).isInstanceOf(HuaweiCloudApiException.class);
        HuaweiCloudApiException e = (HuaweiCloudApiException) out.getException();
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.getErrorCode()).isEqualTo("CPS.0015");
        assertThat(e.getMessage()).contains("showJob").contains("The job does not exist.");
    }

    @Test
    void readsAreRetriedAfterA503() {
        wm.stubFor(get(urlPathEqualTo(PHONES)).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(PHONES)).inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(phones(0, 1, 1))));

        Exchange out = call("cph:listCloudPhones", null, Map.of());

        assertThat(out.getException()).isNull();
        wm.verify(2, getRequestedFor(urlPathEqualTo(PHONES)));
    }

    @Test
    void akSkSignsAndSendsTheProjectId() {
        wm.stubFor(get(urlPathEqualTo(PHONES)).willReturn(okJson(phones(0, 1, 1))));

        Exchange out = call("cph:listCloudPhones?authToken=&accessKey=AKEXAMPLE&secretKey=RAW(sk-example)", null, Map.of());

        assertThat(out.getException()).isNull();
        wm.verify(getRequestedFor(urlPathEqualTo(PHONES)).withHeader("X-Project-Id", equalTo(PROJECT))
                .withHeader("Authorization", matching("SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-project-id;x-request-id;x-sdk-date, Signature=[0-9a-f]{64}"))
                .withHeader("X-Sdk-Date", matching("\\d{8}T\\d{6}Z")));
    }

    @Test
    void badInputFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> call("cph:listCloudPhones?limit=300", null, Map.of()))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThat(call("cph:listCloudPhones", "{\"limit\":0}", Map.of()).getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThat(call("cph:restartCloudPhones", null, Map.of()).getException())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("phones");
        assertThat(call("cph:listJobs", null, Map.of()).getException()).hasMessageContaining("request_id");
        assertThat(call("cph:listCloudPhones", null, Map.of(CphConstants.OPERATION, "rebootEverything")).getException())
                .hasMessageContaining("operation");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void theEndpointComesFromTheRegionUnlessSet() {
        CphConfiguration c = new CphConfiguration();
        c.setRegion("cn-east-3");
        assertThat(c.getEndpoint()).isEqualTo("https://cph.cn-east-3.myhuaweicloud.com");
        c.setEndpoint("http://127.0.0.1:1");
        assertThat(c.getEndpoint()).isEqualTo("http://127.0.0.1:1");
        CphConfiguration none = new CphConfiguration();
        none.setProjectId(PROJECT);
        assertThatThrownBy(none::validate).hasMessageContaining("region");
        CphConfiguration noProject = new CphConfiguration();
        noProject.setRegion("cn-east-3");
        assertThatThrownBy(noProject::validate).hasMessageContaining("projectId");
    }
}
