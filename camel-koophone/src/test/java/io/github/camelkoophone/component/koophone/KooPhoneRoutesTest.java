package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component used from routes: Java DSL (with an option from component properties and a header override) and
 * YAML DSL, which needs the generated URI factory to turn {@code parameters:} into a URI.
 */
class KooPhoneRoutesTest extends WireMockTestSupport {

    @Override
    protected void addRoutes(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:command-then-task")
                        .setHeader(KooPhoneConstants.COMMAND, constant("ls -l /system"))
                        .to("koophone:asyncCommand?instanceIds=a1,b2")
                        .setHeader(KooPhoneConstants.OPERATION, constant("getTask"))
                        .setBody(constant(null))
                        .to("koophone:asyncCommand")
                        .to("mock:java");
            }
        });
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/reset-and-follow.yaml"));
    }

    @Test
    void javaDslChainsACommandIntoGetTaskThroughTheOperationHeader() throws Exception {
        wm.stubFor(post("/v1/instances/async-command").willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"task_id\":\"6837531fd3f54550927b930180a706bf\","
                + "\"cmd_jobs\":[{\"instance_id\":\"a1\",\"job_id\":\"j1\"},{\"instance_id\":\"b2\",\"job_id\":\"j2\"}]}}")));
        wm.stubFor(get("/v1/instances/tasks/6837531fd3f54550927b930180a706bf").willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"jobs\":[{\"job_id\":\"j1\",\"status\":2,\"execute_msg\":\"ok\"},"
                + "{\"job_id\":\"j2\",\"status\":1}]}}")));
        MockEndpoint mock = context.getEndpoint("mock:java", MockEndpoint.class);
        mock.expectedMessageCount(1);

        template.sendBody("direct:command-then-task", null);

        mock.assertIsSatisfied();
        GetTaskResult task = mock.getExchanges().get(0).getMessage().getBody(GetTaskResult.class);
        assertThat(task.getJobs()).extracting(GetTaskResult.Job::getStatus).containsExactly(2, 1);
        wm.verify(postRequestedFor(urlEqualTo("/v1/instances/async-command")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"command\":\"ls -l /system\",\"instance_ids\":[\"a1\",\"b2\"]}")));
    }

    @Test
    void yamlDslRouteWithParametersSplitsAndReportsEveryTask() throws Exception {
        wm.stubFor(post("/v1/instances/batch-reset").withRequestBody(matching(".*\"i1\".*")).willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"task_id\":\"RM_1\",\"cmd_jobs\":[]}}")));
        wm.stubFor(post("/v1/instances/batch-reset").withRequestBody(matching(".*\"i3\".*")).willReturn(okJson(
                "{\"error_code\":\"0\",\"data\":{\"task_id\":\"RM_2\",\"cmd_jobs\":[]}}")));
        MockEndpoint mock = context.getEndpoint("mock:yaml-reset", MockEndpoint.class);
        mock.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:yaml-reset", null, Map.of(KooPhoneConstants.INSTANCE_IDS, "i1,i2,i3"));

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getMessage().getBody(List.class)).containsExactly("RM_1", "RM_2");
    }
}
