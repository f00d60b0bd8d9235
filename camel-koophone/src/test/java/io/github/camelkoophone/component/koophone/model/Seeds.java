package io.github.camelkoophone.component.koophone.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads the example responses and requests under {@code src/test/resources/seeds}. */
final class Seeds {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Seeds() {
    }

    /** A whole file, e.g. {@code "listInstances.json"} or {@code "requests/createInstance.json"}. */
    static JsonNode read(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code data} object of a response envelope, treated as the component's envelope handling does: a nested
     * {@code data.data} is unwrapped, top-level siblings are copied in where absent, and without a {@code data}
     * object the top-level object itself is the data.
     */
    static ObjectNode data(String name) {
        ObjectNode root = (ObjectNode) read(name);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            return root;
        }
        ObjectNode result = data.get("data") != null && data.get("data").isObject()
                ? (ObjectNode) data.get("data") : (ObjectNode) data;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().equals("data") && !result.has(field.getKey())) {
                result.set(field.getKey(), field.getValue());
            }
        }
        return result;
    }

    static <T> T data(String name, Class<T> type) {
        try {
            return MAPPER.treeToValue(data(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T request(String name, Class<T> type) {
        try {
            return MAPPER.treeToValue(read("requests/" + name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static <T> T parse(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field names of one object, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every field path in a tree, e.g. {@code chargeParam.isAutoPay} or {@code instance_settings[].fps}. */
    static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collectPaths(node, "", paths);
        return paths;
    }

    private static void collectPaths(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collectPaths(field.getValue(), path, paths);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectPaths(element, prefix + "[]", paths));
        }
    }
}
