package io.github.camelkoophone.component.koophone.api;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the results of a split call into one of the same shape: lists are concatenated in order, objects merged
 * field by field, and single values keep the first call's (so {@code task_id} is the first task's).
 */
public final class JsonMerge {

    private JsonMerge() {
    }

    public static ObjectNode merge(List<ObjectNode> parts) {
        ObjectNode merged = parts.get(0).deepCopy();
        for (int i = 1; i < parts.size(); i++) {
            into(merged, parts.get(i));
        }
        return merged;
    }

    private static void into(ObjectNode target, ObjectNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = source.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing == null || existing.isNull()) {
                target.set(field.getKey(), value.deepCopy());
            } else if (existing instanceof ArrayNode list && value instanceof ArrayNode more) {
                list.addAll(more.deepCopy());
            } else if (existing instanceof ObjectNode object && value instanceof ObjectNode other) {
                into(object, other);
            }
        }
    }
}
