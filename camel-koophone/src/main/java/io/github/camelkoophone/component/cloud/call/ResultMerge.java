package io.github.camelkoophone.component.cloud.call;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One result from the results of a split call, of the same type as each: lists concatenated in order, objects
 * merged field by field, single values kept from the first call (so {@code task_id} is the first task's).
 */
public final class ResultMerge {

    private ResultMerge() {
    }

    /** The results of the calls of one operation, merged; a single result as it is. */
    public static Object merge(ApiOperation op, List<Object> results) {
        if (results.size() == 1) {
            return results.get(0);
        }
        List<ObjectNode> trees = new ArrayList<>(results.size());
        results.forEach(result -> trees.add(Json.MAPPER.valueToTree(result)));
        ObjectNode merged = merge(trees);
        try {
            return Json.MAPPER.treeToValue(merged, op.resultType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merged " + op.name() + " results do not bind: " + e.getOriginalMessage(), e);
        }
    }

    /** The trees merged into a new one; the parts are left as they were. */
    static ObjectNode merge(List<ObjectNode> parts) {
        ObjectNode merged = parts.get(0).deepCopy();
        for (int i = 1; i < parts.size(); i++) {
            into(merged, parts.get(i));
        }
        return merged;
    }

    /** Every task id the calls returned, in order, each once. */
    public static List<String> taskIds(List<Reply> replies) {
        List<String> ids = new ArrayList<>(replies.size());
        for (Reply reply : replies) {
            if (reply.taskId() != null && !ids.contains(reply.taskId())) {
                ids.add(reply.taskId());
            }
        }
        return ids;
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
