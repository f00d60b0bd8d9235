package io.github.camelkoophone.component.cloud;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.call.Binding;
import io.github.camelkoophone.component.cloud.call.HttpMethod;
import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.call.OperationSpec;
import io.github.camelkoophone.component.cloud.call.RequestAssembler;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;
import io.github.camelkoophone.component.cloud.tasks.Tracking;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new operation is a catalogue row and its models: this test-only service (widgets) has nothing else, yet its
 * calls go through the same machinery as KooPhone's and CPH's, end to end against WireMock: inputs bound from
 * headers, a path parameter from the request and one from the endpoint, a query, a body without the path field, a
 * list split into calls and merged, validation before sending, the service's own failure.
 */
class NewOperationTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final CloudService WIDGETS = CloudService.named("Widgets");

    /** The whole catalogue of the test-only service: rows, nothing else. */
    enum WidgetOperation implements ApiOperation {
        paintWidget(HttpMethod.POST, "/v1/widgets/{widget_id}/paint", PaintRequest.class, Widget.class, null, 0,
                Binding.text("widget_id", Input.of("WidgetId", "widgetId")), Binding.text("colour", Input.of("Colour", null))),
        listWidgets(HttpMethod.GET, "/v1/{project_id}/widgets", ListRequest.class, WidgetList.class, null, 0,
                Binding.number("limit", Input.of("Limit", null))),
        tagWidgets(HttpMethod.POST, "/v1/widgets/tag", TagRequest.class, WidgetList.class, "widget_ids", 2,
                Binding.ids("widget_ids", Input.of("WidgetIds", null), Input.of("WidgetId", null)));

        private final OperationSpec spec;

        WidgetOperation(HttpMethod method, String path, Class<? extends RequestModel> request, Class<?> result,
                        String idList, int maxIds, Binding... bindings) {
            this.spec = new OperationSpec(method, path, request, result, idList, maxIds, false, true, List.of(bindings));
        }

        @Override
        public OperationSpec spec() {
            return spec;
        }
    }

    public static class PaintRequest implements RequestModel {
        @JsonProperty("widget_id")
        public String widgetId;
        @JsonProperty("colour")
        public String colour;

        @Override
        public void validate(Validator v) {
            v.oneOf("colour", colour, Validator.allowed("red", "blue"));
        }
    }

    public static class ListRequest implements RequestModel {
        @JsonProperty("limit")
        public Integer limit;
    }

    public static class TagRequest implements RequestModel {
        @JsonProperty("widget_ids")
        public List<String> widgetIds;
    }

    public static class Widget {
        @JsonProperty("widget_id")
        public String widgetId;
        @JsonProperty("colour")
        public String colour;
    }

    public static class WidgetList {
        @JsonProperty("widgets")
        public List<Widget> widgets;
    }

    /** The options a service's configuration would declare; here only what a call needs. */
    static class WidgetConfiguration extends CloudConfiguration {
        @Override
        public String getEndpoint() {
            return wm.baseUrl();
        }

        @Override
        public String getProjectId() {
            return "p1";
        }

        @Override
        public RequestAssembler.Settings callSettings() {
            return new RequestAssembler.Settings(getEndpoint(), 2, true, 5000, Map.of("project_id", "p1"), "WidgetRequestId");
        }

        @Override
        public int splitConcurrency() {
            return 2;
        }

        @Override
        public Tracking tracking() {
            return new Tracking(null, false, 60_000, null);
        }

        @Override
        public void validate() {
            validateCommon();
        }
    }

    private CamelContext context;
    private CloudClients clients;
    private OperationCaller caller;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
        clients = new CloudClients(this, WIDGETS);
        clients.start(context, 10);
        WidgetConfiguration c = new WidgetConfiguration();
        c.setAuthToken("widget-token");
        caller = clients.caller(c, c, List.of(WidgetOperation.values()));
    }

    @AfterEach
    void stop() {
        clients.stop();
        context.stop();
    }

    private Object call(WidgetOperation op, Object body, Map<String, Object> headers) throws Exception {
        return caller.prepare(op, body, Input.Source.headers(headers), null).call().result();
    }

    @Test
    void aPathFieldFromTheRequestAndTheRestAsTheBody() throws Exception {
        wm.stubFor(post("/v1/widgets/w1/paint").willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"widget_id\":\"w1\",\"colour\":\"red\"}}")));

        Widget painted = (Widget) call(WidgetOperation.paintWidget, null, Map.of("WidgetId", "w1", "Colour", "red"));

        assertThat(painted.colour).isEqualTo("red");
        wm.verify(postRequestedFor(urlEqualTo("/v1/widgets/w1/paint")).withHeader("X-Auth-Token", equalTo("widget-token"))
                .withRequestBody(equalToJson("{\"colour\":\"red\"}", false, false)));
    }

    @Test
    void aPathParameterFromTheEndpointAndTheRestAsTheQuery() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/p1/widgets")).willReturn(okJson("{\"data\":{\"widgets\":[{\"widget_id\":\"w1\"}]}}")));

        WidgetList list = (WidgetList) call(WidgetOperation.listWidgets, null, Map.of("Limit", "5"));

        assertThat(list.widgets).singleElement().satisfies(w -> assertThat(w.widgetId).isEqualTo("w1"));
        wm.verify(getRequestedFor(urlEqualTo("/v1/p1/widgets?limit=5")));
    }

    @Test
    void aLongListIsSplitAndTheResultsMerged() throws Exception {
        wm.stubFor(post("/v1/widgets/tag").withRequestBody(equalToJson("{\"widget_ids\":[\"a\",\"b\"]}"))
                .willReturn(okJson("{\"data\":{\"widgets\":[{\"widget_id\":\"a\"},{\"widget_id\":\"b\"}]}}")));
        wm.stubFor(post("/v1/widgets/tag").withRequestBody(equalToJson("{\"widget_ids\":[\"c\"]}"))
                .willReturn(okJson("{\"data\":{\"widgets\":[{\"widget_id\":\"c\"}]}}")));

        WidgetList tagged = (WidgetList) call(WidgetOperation.tagWidgets, Map.of("widget_ids", List.of("a", "b", "c")), Map.of());

        assertThat(tagged.widgets).extracting(w -> w.widgetId).containsExactly("a", "b", "c");
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/widgets/tag")));
    }

    @Test
    void badInputFailsBeforeAnyRequestAndFailuresNameTheService() {
        assertThatThrownBy(() -> call(WidgetOperation.paintWidget, null, Map.of("WidgetId", "w1", "Colour", "green")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("colour");
        assertThat(wm.getAllServeEvents()).isEmpty();

        wm.stubFor(post("/v1/widgets/w2/paint").willReturn(okJson("{\"error_code\":\"WIDGET.0001\",\"error_msg\":\"no such widget\"}")));
        assertThatThrownBy(() -> call(WidgetOperation.paintWidget, null, Map.of("WidgetId", "w2", "Colour", "blue")))
                .isInstanceOfSatisfying(HuaweiCloudApiException.class, e -> {
                    assertThat(e.getService()).isEqualTo("Widgets");
                    assertThat(e.getErrorCode()).isEqualTo("WIDGET.0001");
                    assertThat(e.getMessage()).startsWith("Widgets paintWidget failed");
                });
    }
}
