package io.github.camelkoophone.benchmarks;

import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The component, called with a {@link ProducerTemplate} either straight at {@code koophone:getTask} or through a
 * {@code direct:} route in front of it. One CamelContext per credential mode, shared by both; the credentials and
 * endpoint are set on the component, every other option keeps its default (except maxConnections, sized like the
 * raw clients' pools).
 */
final class ComponentTarget extends Target {

    /** A started CamelContext with the component and the two routes. */
    static final class Camel implements AutoCloseable {
        final CamelContext context;
        final ProducerTemplate template;

        Camel(String baseUrl, int maxConnections, boolean signed) throws Exception {
            context = new DefaultCamelContext();
            KooPhoneComponent component = new KooPhoneComponent();
            KooPhoneConfiguration config = component.getConfiguration();
            config.setEndpoint(baseUrl);
            config.setMaxConnections(maxConnections);
            if (signed) {
                config.setAccessKey(ACCESS_KEY);
                config.setSecretKey(SECRET_KEY);
                config.setProjectId(PROJECT_ID);
            } else {
                config.setAuthToken(TOKEN);
            }
            context.addComponent("koophone", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:getTask").to("koophone:getTask");
                    from("direct:asyncCommand").to("koophone:asyncCommand");
                }
            });
            context.start();
            template = context.createProducerTemplate();
        }

        @Override
        public void close() throws Exception {
            template.close();
            context.close();
        }
    }

    private static final Map<String, Object> COMMAND_HEADERS = Map.of(
            KooPhoneConstants.COMMAND, COMMAND, KooPhoneConstants.INSTANCE_IDS, INSTANCE_IDS);

    private final ProducerTemplate template;
    private final String getTaskUri;
    private final String asyncCommandUri;

    ComponentTarget(String id, String label, Camel camel, boolean viaRoute) {
        super(id, label);
        this.template = camel.template;
        this.getTaskUri = viaRoute ? "direct:getTask" : "koophone:getTask";
        this.asyncCommandUri = viaRoute ? "direct:asyncCommand" : "koophone:asyncCommand";
    }

    @Override
    Object getTask(String taskId) {
        return template.requestBodyAndHeader(getTaskUri, null, KooPhoneConstants.TASK_ID, taskId);
    }

    @Override
    Object asyncCommand(String command, List<String> instanceIds) {
        return template.requestBodyAndHeaders(asyncCommandUri, null, COMMAND.equals(command) && INSTANCE_IDS.equals(instanceIds)
                ? COMMAND_HEADERS
                : Map.of(KooPhoneConstants.COMMAND, command, KooPhoneConstants.INSTANCE_IDS, instanceIds));
    }
}
