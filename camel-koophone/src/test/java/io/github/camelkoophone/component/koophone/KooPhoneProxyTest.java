package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code proxyHost} set, every call goes to the proxy, which here is WireMock itself: the endpoint's host does
 * not even resolve, so only a request sent through the proxy can be answered.
 */
class KooPhoneProxyTest extends WireMockTestSupport {

    private static final String TARGET = "koophone.invalid:8080";
    private static final String PATH = "/v1/instances/tasks/6837531fd3f54550927b930180a706bf";

    @Override
    protected void configure(KooPhoneComponent component) {
        component.getConfiguration().setEndpoint("http://" + TARGET);
        component.getConfiguration().setProxyHost("127.0.0.1");
        component.getConfiguration().setProxyPort(wm.getPort());
        component.getConfiguration().setMaxRetries(0);
    }

    @Test
    void callsGoThroughTheProxyWithTheTargetsHost() {
        wm.stubFor(request("GET", urlPathEqualTo(PATH)).willReturn(okJson(fixture("getTask.json"))));

        Exchange exchange = call("koophone:getTask", null, Map.of(KooPhoneConstants.TASK_ID, "6837531fd3f54550927b930180a706bf"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isInstanceOf(GetTaskResult.class);
        List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Host")).isEqualTo(TARGET);
    }
}
