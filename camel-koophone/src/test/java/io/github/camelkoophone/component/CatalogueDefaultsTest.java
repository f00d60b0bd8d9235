package io.github.camelkoophone.component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.component.cloud.call.Json;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel's tooling shows (the generated JSON, and from it the Endpoint DSL and the docs) is what runs: every
 * option the JSON gives a default has that value on a started component and endpoint; and the jar names its
 * components where IDE plugins and the catalogue tooling look for them.
 */
class CatalogueDefaultsTest {

    private static final List<String> EVENT_PATHS = List.of("tasks", "instanceStatus", "jobs", "phones");
    /** The options a URI needs to be valid, none of which has a default. */
    private static final Map<String, String> REQUIRED = Map.of("koophone", "", "cph", "?region=cn-east-3&projectId=p1");

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("koophone", "getTask"), Arguments.of("koophone", "tasks"),
                Arguments.of("koophone", "instanceStatus"),
                Arguments.of("cph", "listCloudPhones"), Arguments.of("cph", "jobs"), Arguments.of("cph", "phones"));
    }

    private static JsonNode json(String scheme) throws IOException {
        String path = "/META-INF/io/github/camelkoophone/component/" + scheme + "/" + scheme + ".json";
        try (InputStream in = CatalogueDefaultsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return Json.MAPPER.readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}:{1}")
    @MethodSource("endpoints")
    void everyDefaultTheJsonShowsIsTheValueAStartedEndpointHas(String scheme, String path) throws Exception {
        JsonNode json = json(scheme);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Endpoint endpoint = context.getEndpoint(scheme + ":" + path + REQUIRED.get(scheme));
            endpoint.start();
            Component component = endpoint.getCamelContext().getComponent(scheme);

            // a scheduler option is what the event consumer runs with (initialDelay -1 on the endpoint: its own)
            Consumer consumer = EVENT_PATHS.contains(path) ? endpoint.createConsumer(exchange -> { }) : null;

            List<String> wrong = new ArrayList<>();
            compare(context, json.path("componentProperties"), (PropertyConfigurerGetter) component.getComponentPropertyConfigurer(),
                    component, null, "component", wrong);
            compare(context, json.path("properties"), (PropertyConfigurerGetter) component.getEndpointPropertyConfigurer(),
                    endpoint, consumer, "endpoint", wrong);
            assertThat(wrong).as("options whose JSON default is not what runs").isEmpty();
        }
    }

    private static void compare(CamelContext context, JsonNode options, PropertyConfigurerGetter getter, Object target,
                                Consumer consumer, String where, List<String> wrong) throws Exception {
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode shown = option.getValue().get("defaultValue");
            if (shown == null) {
                continue;
            }
            boolean scheduler = "scheduler".equals(option.getValue().path("group").asText());
            if (scheduler && consumer == null) {
                continue; // an operation's endpoint does not poll
            }
            Object actual = scheduler
                    ? PluginHelper.getBeanIntrospection(context).getOrElseProperty(consumer, option.getKey(), null, false)
                    : getter.getOptionValue(target, option.getKey(), false);
            if (!sameValue(context, option.getValue().path("type").asText(), shown.asText(), actual)) {
                wrong.add(where + " " + option.getKey() + ": JSON " + shown.asText() + ", runs with " + actual);
            }
            compared++;
        }
        assertThat(compared).as("%s options with a default", where).isGreaterThan(5);
    }

    private static boolean sameValue(CamelContext context, String type, String shown, Object actual) throws Exception {
        if (actual == null) {
            // scheduler=none: Camel's own scheduler, which a consumer holds as null until it starts
            return shown.isEmpty() || "none".equals(shown);
        }
        if ("duration".equals(type) && actual instanceof Number number) {
            return TimeUtils.toMilliSeconds(shown) == number.longValue();
        }
        if (actual instanceof Enum<?> constant) {
            return constant.name().equalsIgnoreCase(shown);
        }
        return context.getTypeConverter().mandatoryConvertTo(actual.getClass(), shown).equals(actual);
    }

    @Test
    void theJarListsItsComponentsForTheTooling() throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/org/apache/camel/component.properties"));
        List<String> ours = new ArrayList<>();
        for (URL url : found) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            if ("camel-koophone".equals(properties.getProperty("artifactId"))) {
                ours.add(properties.getProperty("components"));
                assertThat(properties.getProperty("groupId")).isEqualTo("io.github.camelkoophone");
            }
        }
        assertThat(ours).containsExactly("cph koophone");
    }
}
