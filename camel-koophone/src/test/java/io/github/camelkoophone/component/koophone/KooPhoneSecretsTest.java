package io.github.camelkoophone.component.koophone;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the component's and Camel's loggers at TRACE, password, IAM token, static token, secret key, security
 * token and signatures appear in no log line, exception message, leftover header or printed endpoint URI.
 * KooPhoneLibraryLogSecretsTest does the same with every other logger of the JVM at TRACE too.
 */
class KooPhoneSecretsTest extends WireMockTestSupport {

    private static final String PASSWORD = "Pa55-w0rd-SECRET";
    private static final String IAM_TOKEN = "MIIiam-token-SECRET";
    private static final String STATIC_TOKEN = "MIIstatic-token-SECRET";
    private static final String SECRET_KEY = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static final String SECURITY_TOKEN = "security-token-SECRET";

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture()
            .forbid(PASSWORD, IAM_TOKEN, STATIC_TOKEN, SECRET_KEY, SECURITY_TOKEN, "device-token-SECRET", TOKEN);

    @Test
    void noSecretInLogsExceptionsHeadersOrUris() {
        logs.expectComponentTrace();
        wm.stubFor(post("/v3/auth/tokens").willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", IAM_TOKEN)
                .withBody("{\"token\":{\"expires_at\":\"" + Instant.now().plusSeconds(86400) + "\"}}")));
        wm.stubFor(get("/v1/instances/tasks/t1").willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"jobs\":[]}}")));
        wm.stubFor(post("/v1/instances/a1/auth").willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"device_token\":\"device-token-SECRET\",\"resource\":{\"device_id\":\"d\"}}}")));
        wm.stubFor(get("/v1/instances/tasks/bad").willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}")));

        // credentials configured the recommended way: on the component (camel.component.*), not inline in URIs
        context.addComponent("kp-password", component(c -> {
            c.setUsername("robot");
            c.setPassword(PASSWORD);
            c.setDomainName("acme");
            c.setProjectName("cn-north-4");
        }));
        context.addComponent("kp-token", component(c -> c.setAuthToken(STATIC_TOKEN)));
        context.addComponent("kp-aksk", component(c -> {
            c.setAccessKey("AKEXAMPLE");
            c.setSecretKey(SECRET_KEY);
            c.setSecurityToken(SECURITY_TOKEN);
            c.setProjectId("p1");
        }));
        String password = "kp-password:getTask?taskId=t1";
        String token = "kp-token:getDeviceToken?instanceId=a1";
        String aksk = "kp-aksk:getTask?taskId=t1";
        String failing = "kp-password:getTask?taskId=bad";

        List<Exchange> exchanges = List.of(call(password, null), call(token, null), call(aksk, null), call(failing, null));

        assertThat(exchanges.subList(0, 3)).allMatch(e -> e.getException() == null);
        assertThat(exchanges.get(3).getException()).isInstanceOf(KooPhoneApiException.class);
        assertThat(logs.recent()).as("TRACE lines were captured").anyMatch(line -> line.text().contains("response body"));
        assertThat(context.getEndpoints()).extracting(Object::toString).anyMatch(uri -> uri.contains("kp-password://getTask"));
        for (var request : wm.getAllServeEvents()) { // the signatures actually sent are secrets too
            String authorization = request.getRequest().getHeader("Authorization");
            if (authorization != null) {
                logs.forbid(authorization.substring(authorization.indexOf("Signature=") + 10));
            }
        }
        logs.scan(exchanges).scan(context);
    }

    private KooPhoneComponent component(java.util.function.Consumer<KooPhoneConfiguration> credentials) {
        KooPhoneComponent kp = new KooPhoneComponent();
        KooPhoneConfiguration c = kp.getConfiguration();
        c.setEndpoint(wm.baseUrl());
        c.setIamEndpoint(wm.baseUrl());
        credentials.accept(c);
        return kp;
    }

    @Test
    void endpointsPrintedByCamelMaskInlineSecrets() throws Exception {
        // Camel core's
        // own TRACE lines on resolving an endpoint (AbstractCamelContext, DefaultComponent, EndpointHelper) print
        // the URI and its parameters as written, placeholders resolved: outside this component's reach, and the
        // reason docs/reliability.md says to configure credentials on the component, never in a URI.
        logs.tolerate(line -> line.level() == org.apache.logging.log4j.Level.TRACE && line.logger().startsWith("org.apache.camel."))
                .expectComponentTrace();
        wm.stubFor(get("/v1/instances/tasks/t1").willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"jobs\":[]}}")));
        String inline = "koophone:getTask?taskId=t1&authToken=RAW(" + STATIC_TOKEN + ")&password=RAW(" + PASSWORD
                        + ")&secretKey=RAW(" + SECRET_KEY + ")&securityToken=RAW(" + SECURITY_TOKEN + ")";
        Endpoint endpoint = context.getEndpoint(inline);
        assertThat(endpoint.toString()).contains("getTask").doesNotContain(STATIC_TOKEN, PASSWORD, SECRET_KEY, SECURITY_TOKEN);

        // a route with the secrets inline, created, started and used while everything logs at TRACE
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:inline").routeId("inline-secrets").to(inline);
            }
        });
        Exchange out = template.send("direct:inline", exchange -> { });

        assertThat(out.getException()).isNull();
        logs.scan(out).scan(context);
    }

    @Test
    void configurationToStringsRevealNothing() {
        KooPhoneConfiguration c = new KooPhoneConfiguration();
        c.setPassword(PASSWORD);
        c.setSecretKey(SECRET_KEY);
        assertThat(String.valueOf(c.credentials())).doesNotContain(PASSWORD, SECRET_KEY);
        assertThat(Map.of("k", c.credentials()).toString()).doesNotContain(PASSWORD);
    }
}
