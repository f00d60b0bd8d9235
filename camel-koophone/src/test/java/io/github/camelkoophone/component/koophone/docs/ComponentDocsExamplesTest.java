package io.github.camelkoophone.component.koophone.docs;

import java.util.stream.Stream;

import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.WireMockTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example in the component docs, in XML and YAML DSL, loads and performs its call. The Java examples use
 * the same URI and body.
 */
class ComponentDocsExamplesTest extends WireMockTestSupport {

    static Stream<Arguments> examples() {
        return Stream.of(KooPhoneOperation.values()).flatMap(op -> Stream.of(Arguments.of(op, "xml"), Arguments.of(op, "yaml")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("examples")
    void exampleRouteLoadsAndCallsTheOperation(KooPhoneOperation op, String dsl) throws Exception {
        wm.stubFor(any(anyUrl()).willReturn(okJson("{\"error_code\":\"0\",\"error_msg\":\"OK\",\"data\":{}}")));
        ComponentDocs.Example example = ComponentDocs.example(op);
        String from = "direct:" + op.name();
        String route = "xml".equals(dsl)
                ? "<routes xmlns=\"http://camel.apache.org/schema/xml-io\">\n" + example.xml() + "</routes>\n"
                : example.yaml();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("example." + dsl, route));

        Exchange out = template.send(from, exchange -> { });

        assertThat(out.getException()).as("%s example in %s", op, dsl).isNull();
        String path = op.pathTemplate().replaceAll("\\{[^}]+}", "[^/]+");
        assertThat(wm.findAll(anyRequestedFor(urlPathMatching(path)))).hasSize(1);
    }
}
