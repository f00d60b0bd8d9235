package io.github.camelkoophone.component.koophone.api;

import java.util.List;

/**
 * The operation inputs given by headers or endpoint options (headers win), for the request fields the body
 * leaves unset.
 */
public record Inputs(List<String> instanceIds, String instanceId, String command, String taskId, String userId) {

    /** The instance ids, falling back to the single instance id. */
    List<String> idsOrSingle() {
        if (instanceIds != null && !instanceIds.isEmpty()) {
            return instanceIds;
        }
        return instanceId == null ? null : List.of(instanceId);
    }

    /** The single instance id, falling back to a list of exactly one. */
    String singleOrOnlyId() {
        if (instanceId != null) {
            return instanceId;
        }
        return instanceIds != null && instanceIds.size() == 1 ? instanceIds.get(0) : null;
    }
}
