package io.github.camelkoophone.component.cph.springboot;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.component.cloud.tasks.LocalTaskLog;
import io.github.camelkoophone.component.cph.CphComponent;
import io.github.camelkoophone.component.cph.CphConfiguration;
import io.github.camelkoophone.component.koophone.springboot.SpringBootPins;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link CphComponentConfiguration} and the Spring Boot metadata in step with the {@code cph} component: every
 * component option of the component's JSON metadata (read from the camel-koophone jar) is a property with the same
 * name, a compatible type, the same default and the same description, and nothing else is.
 */
class CphComponentConfigurationTest {

    private static final String COMPONENT_JSON = "META-INF/io/github/camelkoophone/component/cph/cph.json";
    private static final String PREFIX = "camel.component.cph.";

    private static Map<String, JsonNode> options;
    private static Map<String, PropertyDescriptor> properties;
    private static Map<String, JsonNode> metadata;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = CphComponent.class.getClassLoader().getResourceAsStream(COMPONENT_JSON)) {
            assertThat(in).as(COMPONENT_JSON + " in the camel-koophone jar").isNotNull();
            options = new LinkedHashMap<>();
            mapper.readTree(in).get("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        }
        assertThat(options).hasSizeGreaterThan(30).containsKeys("region", "projectId", "jobTimeout", "rateLimitMode");

        properties = new LinkedHashMap<>();
        for (PropertyDescriptor pd : Introspector.getBeanInfo(CphComponentConfiguration.class,
                ComponentConfigurationPropertiesCommon.class).getPropertyDescriptors()) {
            properties.put(pd.getName(), pd);
        }

        metadata = new HashMap<>();
        List<URL> files = Collections.list(CphComponentConfigurationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
        for (URL url : files) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : mapper.readTree(in).get("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith(PREFIX)) {
                        metadata.put(name.substring(PREFIX.length()), property);
                    }
                }
            }
        }
    }

    @Test
    void everyComponentOptionIsAPropertyAndNothingElse() {
        assertThat(new TreeSet<>(properties.keySet())).isEqualTo(new TreeSet<>(options.keySet()));
    }

    @Test
    void typesMatch() {
        options.forEach((name, option) -> {
            Class<?> type = properties.get(name).getPropertyType();
            String javaType = option.get("javaType").asText().replaceAll("<.*", "");
            Class<?> expected = switch (option.get("type").asText()) {
                case "duration" -> Duration.class;
                case "boolean" -> Boolean.class;
                case "integer" -> Integer.class;
                case "number" -> Double.class;
                case "string", "enum" -> String.class;
                default -> load(javaType);
            };
            assertThat(type).as(name).isEqualTo(expected);
        });
    }

    @Test
    void defaultsMatch() {
        CphComponentConfiguration fresh = new CphComponentConfiguration();
        options.forEach((name, option) -> {
            Object value = read(fresh, name);
            JsonNode expected = option.get("defaultValue");
            if (expected == null) {
                assertThat(value).as(name).isNull();
            } else if (value instanceof Duration d) {
                assertThat(d.toMillis()).as(name).isEqualTo(expected.asLong());
            } else {
                assertThat(String.valueOf(value)).as(name).isEqualTo(expected.asText());
            }
        });
    }

    @Test
    void secretsAreTheComponentsSecretOptions() {
        Set<String> secret = options.entrySet().stream().filter(e -> e.getValue().path("secret").asBoolean())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(secret).containsExactlyInAnyOrder("authToken", "username", "password", "accessKey", "secretKey",
                "securityToken");
        assertThat(CphComponentConfiguration.SECRET_OPTIONS).isEqualTo(secret);
        secret.forEach(name -> assertThat(metadata.get(kebab(name)).get("description").asText()).as(name)
                .contains("This is a secret"));
    }

    @Test
    void springBootMetadataListsEveryOptionWithTheComponentsDescriptionAndDefault() {
        List<String> missing = new ArrayList<>();
        options.forEach((name, option) -> {
            JsonNode property = metadata.get(kebab(name));
            if (property == null) {
                missing.add(kebab(name));
                return;
            }
            // the component's annotation processor drops the '*' of "camel.component.cph.*"
            String description = property.get("description").asText().replace("*", "").replaceAll("\\s+", " ");
            assertThat(description).as(name).startsWith(option.get("description").asText().replaceAll("\\s+", " "));
            if (option.has("defaultValue")) {
                assertThat(property.has("defaultValue")).as("default of " + name).isTrue();
            }
        });
        assertThat(missing).as("options missing from spring-configuration-metadata.json").isEmpty();
        assertThat(metadata.get("job-timeout").get("type").asText()).isEqualTo("java.time.Duration");
        assertThat(metadata.get("job-timeout").get("defaultValue").asText())
                .as(SpringBootPins.pins("its configuration processor writes a Duration default of an hour as 1h")).isEqualTo("1h");
        assertThat(metadata).containsKeys("enabled", "customizer.enabled");
    }

    @Test
    void everyPropertyReachesTheComponent() throws Exception {
        CphComponentConfiguration source = new CphComponentConfiguration();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : options.entrySet()) {
            String name = e.getKey();
            if ("configuration".equals(name)) {
                continue; // replaces the whole configuration: see the next test
            }
            Object value = switch (e.getValue().get("type").asText()) {
                case "duration" -> Duration.ofSeconds(7);
                case "boolean" -> !Boolean.TRUE.equals(read(source, name));
                case "integer" -> 42;
                case "number" -> 4.5d;
                case "enum" -> "fixed";
                case "string" -> name.endsWith("ndpoint") ? "http://" + name + ".example" : name + "-value";
                default -> switch (name) {
                    case "jobStore" -> new MemoryStateRepository();
                    case "taskLog" -> new LocalTaskLog("trackJobs", System::currentTimeMillis);
                    default -> new SSLContextParameters();
                };
            };
            properties.get(name).getWriteMethod().invoke(source, value);
            expected.put(name, value instanceof Duration d ? d.toMillis() : value);
        }

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            CphComponent component = new CphComponent();
            component.setCamelContext(camel);
            CphComponentAutoConfiguration.configure(camel, source, component);
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            expected.forEach((name, value) -> assertThat(getter.getOptionValue(component, name, false)).as(name).isEqualTo(value));
        }
    }

    @Test
    void aSharedConfigurationBeanIsAppliedFirstAndNotResetByTheDefaults() throws Exception {
        CphConfiguration shared = new CphConfiguration();
        shared.setRegion("cn-east-3");
        shared.setMaxRetries(9);
        shared.setTrackJobs(false);
        CphComponentConfiguration source = new CphComponentConfiguration();
        source.setConfiguration(shared);
        source.setTrackJobs(true); // the default: does not override the bean
        source.setProjectId("project-1");
        source.setJobTimeout(Duration.ofMinutes(5));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            CphComponent component = new CphComponent();
            component.setCamelContext(camel);
            CphComponentAutoConfiguration.configure(camel, source, component);
            assertThat(component.getConfiguration().getRegion()).isEqualTo("cn-east-3");
            assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(9);
            assertThat(component.getConfiguration().isTrackJobs()).isFalse();
            assertThat(component.getConfiguration().getProjectId()).isEqualTo("project-1");
            assertThat(component.getConfiguration().getJobTimeout()).isEqualTo(300_000);
            assertThat(component.getConfiguration()).as("a copy: the bean is not changed").isNotSameAs(shared);
            assertThat(shared.getProjectId()).isNull();
            assertThat(shared.getJobTimeout()).isEqualTo(3_600_000);
        }
    }

    private static Object read(Object bean, String name) {
        try {
            return properties.get(name).getReadMethod().invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
