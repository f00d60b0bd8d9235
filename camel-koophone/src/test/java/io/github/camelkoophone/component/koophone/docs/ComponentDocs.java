package io.github.camelkoophone.component.koophone.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.cloud.call.Binding;
import io.github.camelkoophone.component.cloud.call.Json;

/**
 * Renders the generated sections of docs/koophone-component.md from the component JSON (options, headers) and
 * the operations catalogue (operations, examples in three DSLs), so the docs cannot drift from the code.
 */
public final class ComponentDocs {

    static final String JSON = "/META-INF/io/github/camelkoophone/component/koophone/koophone.json";

    /** Sample values for the options an operation's bindings read. */
    private static final Map<String, String> SAMPLES = Map.of(
            "instanceIds", "a44uhlf7,efjy72gs",
            "instanceId", "a44uhlf7",
            "command", "ls -l /system",
            "taskId", "6837531fd3f54550927b930180a706bf",
            "userId", "1008600000097131912");

    private final JsonNode component;

    public ComponentDocs() throws IOException {
        try (InputStream in = ComponentDocs.class.getResourceAsStream(JSON)) {
            if (in == null) {
                throw new IllegalStateException(JSON + " is not on the classpath: camel-package-maven-plugin generates it");
            }
            component = Json.MAPPER.readTree(in);
        }
    }

    /** The generated sections by marker name. */
    public Map<String, String> sections() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("options", options());
        sections.put("headers", headers());
        sections.put("operations", operations());
        sections.put("examples", examples());
        return sections;
    }

    String options() {
        StringBuilder out = new StringBuilder();
        out.append("| option | group | type | default | description |\n| --- | --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = component.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode p = option.getValue();
            String name = "`" + option.getKey() + "`" + (p.path("secret").asBoolean() ? " (secret)" : "")
                          + (p.path("required").asBoolean() ? " (required)" : "");
            String type = p.has("enum") ? "one of " + String.join(", ", texts(p.path("enum"))) : p.path("type").asText();
            out.append("| ").append(name).append(" | ").append(p.path("group").asText()).append(" | ").append(cell(type))
                    .append(" | ").append(cell(p.path("defaultValue").asText(""))).append(" | ")
                    .append(cell(p.path("description").asText())).append(" |\n");
        }
        return out.toString();
    }

    String headers() {
        StringBuilder out = new StringBuilder("| header | type | description |\n| --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = component.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            out.append("| `").append(header.getKey()).append("` | `").append(header.getValue().path("javaType").asText())
                    .append("` | ").append(cell(header.getValue().path("description").asText())).append(" |\n");
        }
        return out.toString();
    }

    String operations() {
        StringBuilder out = new StringBuilder();
        out.append("| operation | HTTP | IAM action | inputs from headers / options | id list split at | returns a task | retried after a 500 or timeout |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (KooPhoneOperation op : KooPhoneOperation.values()) {
            List<String> inputs = new ArrayList<>();
            for (Binding binding : op.bindings()) {
                inputs.add("`" + binding.field() + "` ← " + String.join(" + ", options(binding)));
            }
            out.append("| `").append(op.name()).append("` | `").append(op.method()).append(' ').append(op.pathTemplate())
                    .append("` | `").append(op.iamAction()).append("` (").append(op.iamAccess()).append(") | ")
                    .append(inputs.isEmpty() ? "body only" : String.join("<br>", inputs)).append(" | ")
                    .append(op.idListField() == null ? "" : "`" + op.idListField() + "`, " + op.maxIds()).append(" | ")
                    .append(op.returnsTask() ? "yes" : "").append(" | ")
                    .append(op.idempotent() ? "yes" : "only with `retryNonIdempotent=true`").append(" |\n");
        }
        return out.toString();
    }

    String examples() throws IOException {
        StringBuilder out = new StringBuilder();
        for (KooPhoneOperation op : KooPhoneOperation.values()) {
            Example example = example(op);
            out.append("#### ").append(op.name()).append("\n\n");
            out.append("```java\n").append(example.java()).append("```\n\n");
            out.append("```xml\n").append(example.xml()).append("```\n\n");
            out.append("```yaml\n").append(example.yaml()).append("```\n\n");
        }
        return out.toString();
    }

    /**
     * A route calling the operation with sample inputs: options for what the catalogue binds, the rest of the
     * reference's request example as the body.
     */
    public record Example(KooPhoneOperation op, Map<String, String> options, String body) {

        public String uri() {
            StringBuilder uri = new StringBuilder("koophone:").append(op.name());
            char separator = '?';
            for (Map.Entry<String, String> option : options.entrySet()) {
                uri.append(separator).append(option.getKey()).append('=').append(option.getValue());
                separator = '&';
            }
            return uri.toString();
        }

        public String java() {
            StringBuilder out = new StringBuilder("from(\"direct:").append(op.name()).append("\")\n");
            if (body != null) {
                out.append("    .setBody(constant(\"").append(body.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"))\n");
            }
            return out.append("    .to(\"").append(uri()).append("\");\n").toString();
        }

        public String xml() {
            StringBuilder out = new StringBuilder("<route>\n  <from uri=\"direct:").append(op.name()).append("\"/>\n");
            if (body != null) {
                out.append("  <setBody><constant>").append(escapeXml(body)).append("</constant></setBody>\n");
            }
            return out.append("  <to uri=\"").append(escapeXml(uri())).append("\"/>\n</route>\n").toString();
        }

        public String yaml() {
            StringBuilder out = new StringBuilder("- route:\n    from:\n      uri: direct:").append(op.name())
                    .append("\n      steps:\n");
            if (body != null) {
                out.append("        - setBody:\n            constant: '").append(body.replace("'", "''")).append("'\n");
            }
            out.append("        - to:\n            uri: koophone:").append(op.name()).append('\n');
            if (!options.isEmpty()) {
                out.append("            parameters:\n");
                options.forEach((name, value) -> out.append("              ").append(name).append(": \"").append(value).append("\"\n"));
            }
            return out.toString();
        }
    }

    public static Example example(KooPhoneOperation op) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        ObjectNode body = requestSample(op);
        for (Binding binding : op.bindings()) {
            options(binding).forEach(option -> options.put(option, SAMPLES.get(option)));
            if (body != null) {
                body.remove(binding.field());
            }
        }
        String json = body == null || body.isEmpty() ? null : Json.MAPPER.writeValueAsString(body);
        return new Example(op, options, json);
    }

    private static ObjectNode requestSample(KooPhoneOperation op) throws IOException {
        for (String name : List.of(op.name() + ".json", op.name() + "-constructed.json")) {
            try (InputStream in = ComponentDocs.class.getResourceAsStream("/seeds/requests/" + name)) {
                if (in != null) {
                    return (ObjectNode) Json.MAPPER.readTree(in);
                }
            }
        }
        return null;
    }

    /** The options a binding is shown with: the value paired with each id first, then the input itself. */
    private static List<String> options(Binding binding) {
        return binding.paired() == null ? List.of(binding.input().option())
                : List.of(binding.paired().option(), binding.input().option());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
