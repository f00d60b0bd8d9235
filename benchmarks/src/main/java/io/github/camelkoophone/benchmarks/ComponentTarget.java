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
 * raw clients' pools). The same context carries {@link ByHandComponent} as {@code byhand:}, the by-hand call on
 * Apache's minimal client (the baseline's), called the same two ways: Camel's own share of a call.
 */
final class ComponentTarget extends Target {

    /** A started CamelContext with the component and the two routes. */
    static final class Camel implements AutoCloseable {
        final CamelContext context;
        final ProducerTemplate template;
        private final ApacheClassicTarget byHandClient;

        Camel(String baseUrl, int maxConnections, boolean signed) throws Exception {
            context = new DefaultCamelContext();
            byHandClient = new ApacheClassicTarget("byhand-client", "the byhand: component's client", baseUrl, maxConnections,
                    signed, true);
            context.addComponent(BY_HAND, new ByHandComponent(byHandClient));
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
            context.addComponent(KOOPHONE, component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String scheme : List.of(KOOPHONE, BY_HAND)) {
                        from("direct:" + scheme + "-getTask").to(scheme + ":getTask");
                        from("direct:" + scheme + "-asyncCommand").to(scheme + ":asyncCommand");
                    }
                }
            });
            context.start();
            template = context.createProducerTemplate();
        }

        @Override
        public void close() throws Exception {
            template.close();
            context.close();
            byHandClient.close();
        }
    }

    static final String KOOPHONE = "koophone";
    static final String BY_HAND = "byhand";

    private static final Map<String, Object> COMMAND_HEADERS = Map.of(
            KooPhoneConstants.COMMAND, COMMAND, KooPhoneConstants.INSTANCE_IDS, INSTANCE_IDS);

    private final ProducerTemplate template;
    private final String getTaskUri;
    private final String asyncCommandUri;

    /**
     * @param scheme   {@link #KOOPHONE} or {@link #BY_HAND}
     * @param viaRoute through the {@code direct:} route in front of the endpoint
     */
    ComponentTarget(String id, String label, Camel camel, String scheme, boolean viaRoute) {
        super(id, label);
        this.template = camel.template;
        String prefix = viaRoute ? "direct:" + scheme + "-" : scheme + ":";
        this.getTaskUri = prefix + "getTask";
        this.asyncCommandUri = prefix + "asyncCommand";
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
