package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.koophone.KooPhoneApiException;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.TaskResult;

/**
 * Turns the normalised data of one or more calls (one per chunk of a split request) into the operation's single
 * typed result. Task results get each job stamped with its task id, so a merged result still says which task
 * each job belongs to.
 */
public final class ResultAssembler {


    private ResultAssembler() {
    }

    /** The typed result of one call; a task result's jobs carry its task id. */
    public static Object convert(ApiOperation op, ObjectNode data, String requestId) {
        return stamped(toType(op, data, requestId));
    }

    /** The typed result of one call from the data object the parser is at. */
    static Object bind(ApiOperation op, JsonParser data) throws IOException {
        return stamped(Json.reader(op.resultType()).readValue(data));
    }

    private static Object stamped(Object result) {
        if (result instanceof TaskResult task && task.getCmdJobs() != null) {
            for (CmdJob job : task.getCmdJobs()) {
                if (job.getTaskId() == null) {
                    job.setTaskId(task.getTaskId());
                }
            }
        }
        return result;
    }

    /** One result of the operation's type from the results of its calls. */
    public static Object merge(ApiOperation op, List<Object> results, String requestId) {
        if (results.size() == 1) {
            return results.get(0);
        }
        List<ObjectNode> canonical = new ArrayList<>(results.size());
        results.forEach(result -> canonical.add(Json.MAPPER.valueToTree(result)));
        return toType(op, JsonMerge.merge(canonical), requestId);
    }

    /** Every task id the calls returned, in order, each once (CPH names its job group {@code request_id}). */
    public static List<String> taskIds(List<Reply> replies) {
        List<String> ids = new ArrayList<>(replies.size());
        for (Reply reply : replies) {
            if (reply.taskId() != null && !ids.contains(reply.taskId())) {
                ids.add(reply.taskId());
            }
        }
        return ids;
    }

    private static Object toType(ApiOperation op, ObjectNode data, String requestId) {
        try {
            return Json.MAPPER.treeToValue(data, op.resultType());
        } catch (JsonProcessingException e) {
            throw new KooPhoneApiException(op.name(), 200, null,
                    "unexpected response shape: " + e.getOriginalMessage(), requestId);
        }
    }
}
