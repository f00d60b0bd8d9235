package io.github.camelkoophone.component.koophone;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input fails before any request is sent, with an IllegalArgumentException naming the field and the rule
 * (the rows are in {@link BadInputs}).
 */
class KooPhoneValidationTest extends WireMockTestSupport {

    static Stream<Arguments> badInputs() {
        return BadInputs.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void failsBeforeSendingAnythingNamingFieldAndRule(String name, String uri, Object body, Map<String, Object> headers,
                                                       String field, String rule) {
        BadInputs.assertRejected(name, BadInputs.failureOf(() -> call(uri, body, headers)), field, rule);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests sent for %s", name).isEmpty();
    }

    @Test
    void unknownOperationInTheUriFailsNamingTheValidOnes() {
        Throwable failure = BadInputs.failureOf(() -> call("koophone:rebootEverything", null, Map.of()));
        assertThat(BadInputs.findIllegalArgument(failure).getMessage()).contains("operation", "asyncCommand", "rebootEverything");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void commandCharacterCheckCanBeTurnedOff() {
        wm.stubFor(post("/v1/instances/sync-command").willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"cmd_results\":[]}}")));
        assertThat(call("koophone:syncCommand?validateCommand=false", null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, "a1", KooPhoneConstants.COMMAND, "ps | grep x")).getException()).isNull();
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/instances/sync-command")));
    }
}
