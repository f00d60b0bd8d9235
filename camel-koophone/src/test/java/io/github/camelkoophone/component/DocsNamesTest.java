package io.github.camelkoophone.component;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.component.cloud.call.Json;
import io.github.camelkoophone.component.cph.CphConstants;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every name the docs (README, docs/, the examples' and benchmarks' READMEs) give in code spans exists: a class
 * name is a class of this repository, a JMX attribute of ours or one of the outside classes listed here; a {@code CamelKooPhone...} or
 * {@code CamelCph...} header is a constant of its headers class; a {@code camel.component.koophone.*} or
 * {@code camel.component.cph.*} property is an option of that component; an option in a {@code koophone:} or
 * {@code cph:} URI is an option of that endpoint. A renamed class or option fails here until the docs follow.
 */
class DocsNamesTest {

    private static final Path ROOT = Path.of("..");
    /**
     * Outside classes the docs name: Camel's, the JDK's, Spring's, Quarkus's, Apache HttpClient's, Artemis's, Huawei's
     * SDK's.
     */
    private static final Set<String> OUTSIDE = Set.of("AbstractCamelContext", "ActiveMQConnectionFactory",
            "AutoConfiguration", "CamelContext", "ComponentConfigurationPropertiesCommon", "ComponentCustomizer",
            "ConcurrentHashMap", "ConditionalOnHierarchicalProperties", "ConfigurationProperties", "ConnectException",
            "DefaultComponent", "DynamicPropertySource", "EndpointHelper", "EndpointRouteBuilder", "FileStateRepository",
            "Http1Config", "HttpClients", "HttpResponseAware", "IllegalArgumentException", "InputStream",
            "MessageConstraintException", "NoHttpResponseException", "RouteBuilder", "SanitizingFunction",
            "SocketTimeoutException", "SpringBootApplication", "SpringBootTest", "StateRepository",
            "ScheduledPollConsumer", "ScheduledBatchPollingConsumer", "HealthCheckComponent", "IdempotentRepository",
            "MeterRegistry", "ProducerTemplate", "DefaultCamelContext", "PropertiesComponent", "CamelBatchSize",
            "DefaultMainShutdownStrategy", "DynamicPropertyRegistry", "RegisterExtension", "ApplicationScoped", "CamelMain",
            "FactoryFinder", "LaunchMode", "QuarkusMain", "QuarkusTest", "RegisterForReflection", "DefaultHttpListener",
            "HttpConfig", "KooPhoneClient", "OperatingSystemMXBean", "ThreadMXBean");
    /** Words that look like class names but are not: the product, a library, a JVM flag, URL and header parts. */
    private static final Set<String> NOT_CLASSES = Set.of("KooPhone", "OkHttp", "StartFlightRecording", "SignedHeaders",
            "AccessKeyId", "CamelKooPhone", "CamelCph");
    /** An instance id in sample output (eight letters and digits), not a class. */
    private static final Pattern INSTANCE_ID = Pattern.compile("(?=.*\\d)[A-Za-z0-9]{8}");
    /** A class a snippet of the doc declares itself. */
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|interface) ([A-Z]\\w*)");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`|```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("(?<![-.\\w])([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)\\b");
    private static final Pattern PROPERTY = Pattern.compile("camel\\.component\\.(koophone|cph)\\.([a-zA-Z][a-zA-Z0-9.-]*)");
    /** A JMX attribute of ours: a getter annotated {@code @ManagedAttribute}, named without its {@code get}. */
    private static final Pattern MANAGED_ATTRIBUTE = Pattern.compile("@ManagedAttribute(?:\\(.*\\))?\\s+public \\S+ get(\\w+)\\(");
    private static final Pattern URI = Pattern.compile("\\b(koophone|cph):\\w+\\?([^\\s`\"'<>)]+)");

    private static Set<String> classes;
    private static Set<String> headers;
    private static List<Path> docs;

    @BeforeAll
    static void collect() throws IOException {
        classes = new HashSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).forEach(p -> {
                classes.add(p.getFileName().toString().replace(".java", ""));
                Matcher attribute = MANAGED_ATTRIBUTE.matcher(read(p));
                while (attribute.find()) {
                    classes.add(attribute.group(1));
                }
            });
        }
        headers = new HashSet<>(constants(KooPhoneConstants.class));
        headers.addAll(constants(CphConstants.class));
        headers.add(Exchange.BATCH_SIZE);
        docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            files.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")
                              && (p.startsWith(ROOT.resolve("docs")) || p.getFileName().toString().equals("README.md")))
                    .filter(p -> !p.equals(ROOT.resolve("README.md")) && !p.toString().contains("/changes/"))
                    .forEach(docs::add);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> constants(Class<?> type) throws IOException {
        Set<String> values = new HashSet<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IOException(e);
                }
            }
        }
        return values;
    }

    private static List<String> codeSpans(Path doc) throws IOException {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE.matcher(Files.readString(doc, StandardCharsets.UTF_8));
        while (m.find()) {
            spans.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return spans;
    }

    private static JsonNode json(String scheme) throws IOException {
        String path = "/META-INF/io/github/camelkoophone/component/" + scheme + "/" + scheme + ".json";
        try (InputStream in = DocsNamesTest.class.getResourceAsStream(path)) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void theDocsAreFoundAndNameThings() {
        assertThat(docs).as("docs read").hasSizeGreaterThan(10);
        assertThat(classes).contains("KooPhoneComponent", "TrackedTasksConsumer");
    }

    @Test
    void everyClassNameInTheDocsExists() throws IOException {
        Set<String> unknown = new TreeSet<>();
        for (Path doc : docs) {
            Set<String> declared = new HashSet<>();
            Matcher d = DECLARED.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (d.find()) {
                declared.add(d.group(1));
            }
            for (String span : codeSpans(doc)) {
                Matcher m = CLASS.matcher(span);
                while (m.find()) {
                    String name = m.group(1);
                    if (name.startsWith("CamelKooPhone") || name.startsWith("CamelCph") || NOT_CLASSES.contains(name)
                        || classes.contains(name) || OUTSIDE.contains(name) || declared.contains(name)
                        || INSTANCE_ID.matcher(name).matches()) {
                        continue;
                    }
                    unknown.add(name + " (" + ROOT.relativize(doc) + ")");
                }
            }
        }
        assertThat(unknown).as("class names the docs give that do not exist").isEmpty();
    }

    @Test
    void everyHeaderInTheDocsIsAConstant() throws IOException {
        Set<String> unknown = new TreeSet<>();
        Pattern header = Pattern.compile("\\b(Camel(?:KooPhone|Cph)[A-Za-z]+)\\b");
        int checked = 0;
        for (Path doc : docs) {
            for (String span : codeSpans(doc)) {
                Matcher m = header.matcher(span);
                while (m.find()) {
                    checked++;
                    if (!headers.contains(m.group(1))) {
                        unknown.add(m.group(1) + " (" + ROOT.relativize(doc) + ")");
                    }
                }
            }
        }
        assertThat(checked).as("headers checked").isGreaterThan(20);
        assertThat(unknown).as("headers the docs give that are not constants").isEmpty();
    }

    @Test
    void everyComponentPropertyAndUriOptionInTheDocsExists() throws IOException {
        Set<String> unknown = new TreeSet<>();
        int properties = 0;
        int uriOptions = 0;
        for (Path doc : docs) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            Matcher p = PROPERTY.matcher(text);
            while (p.find()) {
                String option = camelCase(p.group(2).split("\\.")[0]);
                // the starter's own switches, and "camel.component.koophone.*" itself
                if (option.isEmpty() || option.equals("enabled") || option.equals("customizer")) {
                    continue;
                }
                properties++;
                if (!json(p.group(1)).path("componentProperties").has(option)) {
                    unknown.add("camel.component." + p.group(1) + "." + p.group(2) + " (" + ROOT.relativize(doc) + ")");
                }
            }
            Matcher u = URI.matcher(text);
            while (u.find()) {
                JsonNode options = json(u.group(1)).path("properties");
                for (String pair : u.group(2).split("&(amp;)?")) {
                    String option = pair.split("=")[0];
                    uriOptions += option.isEmpty() ? 0 : 1;
                    if (!option.isEmpty() && !option.startsWith("{") && !options.has(option)) {
                        unknown.add(u.group(1) + ": option " + option + " (" + ROOT.relativize(doc) + ")");
                    }
                }
            }
        }
        assertThat(properties).as("component properties checked").isGreaterThan(30);
        assertThat(uriOptions).as("URI options checked").isGreaterThan(30);
        assertThat(unknown).as("options the docs give that the components do not have").isEmpty();
    }

    private static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = out.toString();
        // a property key written with the environment's casing is not a name the docs give
        return name.equals(name.toUpperCase(Locale.ROOT)) ? "" : name;
    }
}
