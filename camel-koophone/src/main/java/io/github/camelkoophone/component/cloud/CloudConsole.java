package io.github.camelkoophone.component.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelkoophone.component.cloud.auth.CredentialState;
import io.github.camelkoophone.component.cloud.consumer.EventConsumer;
import io.github.camelkoophone.component.cloud.tasks.TrackedTasksConsumer;
import io.github.camelkoophone.component.cloud.telemetry.RecentErrors;
import io.github.camelkoophone.component.cloud.traffic.Traffic;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code koophone} dev console ({@code camel get koophone}, the developer console's page): for each koophone and
 * cph component, each endpoint's credential state, token expiry, rate limit and retry budget, each consumer's pending
 * tasks and last poll, and the last calls that failed. It reads what the components already hold and calls nothing.
 * Endpoints are named without their options, so no secret is shown.
 */
@DevConsole(name = "koophone", displayName = "KooPhone", description = "KooPhone and CPH endpoints, consumers and recent errors")
public class CloudConsole extends AbstractDevConsole {

    public CloudConsole() {
        super("camel", "koophone", "KooPhone", "KooPhone and CPH endpoints, consumers and recent errors");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray components = new JsonArray();
        for (CloudComponent component : components()) {
            JsonObject json = new JsonObject();
            json.put("name", component.getDefaultName());
            json.put("endpoints", endpoints(component));
            json.put("consumers", consumers(component));
            JsonArray errors = new JsonArray();
            for (RecentErrors.Entry error : component.telemetry().errors().list()) {
                JsonObject e = new JsonObject();
                e.put("at", error.at().toString());
                e.put("operation", error.operation());
                e.put("requestId", error.requestId());
                e.put("error", error.error());
                errors.add(e);
            }
            json.put("recentErrors", errors);
            components.add(json);
        }
        root.put("components", components);
        return root;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        JsonObject json = (JsonObject) doCallJson(options);
        for (Object c : json.getCollection("components")) {
            JsonObject component = (JsonObject) c;
            text.append("Component: ").append(component.getString("name")).append('\n');
            lines(text, "Endpoint", component.getCollection("endpoints"));
            lines(text, "Consumer", component.getCollection("consumers"));
            lines(text, "Error", component.getCollection("recentErrors"));
            text.append('\n');
        }
        return text.toString();
    }

    private static void lines(StringBuilder text, String kind, Collection<Object> entries) {
        for (Object entry : entries) {
            text.append("    ").append(kind).append(": ");
            ((JsonObject) entry).forEach((key, value) -> text.append(key).append('=').append(value).append(' '));
            text.setLength(text.length() - 1);
            text.append('\n');
        }
    }

    private List<CloudComponent> components() {
        List<CloudComponent> found = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof CloudComponent component) {
                found.add(component);
            }
        }
        return found;
    }

    private JsonArray endpoints(CloudComponent component) {
        JsonArray endpoints = new JsonArray();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof CloudEndpoint endpoint && endpoint.getComponent() == component) {
                CloudConfiguration c = endpoint.getConfiguration();
                JsonObject json = new JsonObject();
                json.put("endpoint", endpoint.getEndpointBaseUri());
                CredentialState.Refusal refusal = endpoint.credentialState().refusal();
                json.put("credentials", refusal == null ? "not refused" : "refused since " + refusal.since() + ": " + refusal.reason());
                Instant expiry = component.clients().tokenExpiry(c);
                if (expiry != null) {
                    json.put("tokenExpiry", expiry.toString());
                }
                Traffic traffic = component.clients().trafficOf(c);
                if (traffic != null) {
                    json.put("rateLimitMode", traffic.limiter().mode().name().toLowerCase(Locale.ROOT));
                    json.put("rateLimit", traffic.limiter().rate());
                    json.put("retryBudget", traffic.quota().available());
                }
                endpoints.add(json);
            }
        }
        return endpoints;
    }

    private JsonArray consumers(CloudComponent component) {
        JsonArray consumers = new JsonArray();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof EventConsumer consumer && consumer.getEndpoint().getComponent() == component) {
                JsonObject json = new JsonObject();
                json.put("route", route.getRouteId());
                json.put("endpoint", consumer.getEndpoint().getEndpointBaseUri());
                if (consumer instanceof TrackedTasksConsumer<?> tasks) {
                    json.put("pendingTasks", tasks.getPendingTasks());
                }
                json.put("lastPoll", consumer.getLastPollTime());
                consumers.add(json);
            }
        }
        return consumers;
    }
}
