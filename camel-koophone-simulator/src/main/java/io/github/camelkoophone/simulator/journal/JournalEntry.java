package io.github.camelkoophone.simulator.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.time.Instant;
import java.util.Map;

/**
 * One request that reached the simulated cloud, secrets masked.
 *
 * @param seq         order of arrival, from 1
 * @param time        simulated time of arrival
 * @param operation   contract operation name, {@code iamToken}, or {@code unknown}
 * @param headers     lower-case names; token, Authorization signature and security token masked
 * @param body        request body as text; passwords masked
 * @param requestId   the x-request-id header, or null
 * @param status      HTTP status answered; 0 when the connection was dropped
 * @param errorCode   the answer's error_code ("0" on success), or null
 * @param executed    whether the request changed simulated state
 * @param fault       the faults applied, or null
 * @param auth        {@code token}, {@code aksk}, {@code none}, or null when not checked
 * @param principal   the access key used, when signed
 */
public record JournalEntry(long seq, Instant time, String method, String path, String query, String operation,
                           Map<String, String> headers, String body, String requestId, int status, String errorCode,
                           boolean executed, String fault, String auth, String principal, long durationMillis) {

    /** Whether the client saw a failure: dropped, HTTP >= 400, or an error code other than "0". */
    public boolean failed() {
        return status == 0 || status >= 400 || (errorCode != null && !"0".equals(errorCode));
    }

    public ObjectNode toJson() {
        ObjectNode n = SimJson.object();
        n.put("seq", seq);
        n.put("time", time.toString());
        n.put("method", method);
        n.put("path", path);
        n.put("query", query);
        n.put("operation", operation);
        ObjectNode h = n.putObject("headers");
        headers.forEach(h::put);
        n.put("body", body);
        n.put("request_id", requestId);
        n.put("status", status);
        n.put("error_code", errorCode);
        n.put("executed", executed);
        n.put("fault", fault);
        n.put("auth", auth);
        n.put("principal", principal);
        n.put("duration_ms", durationMillis);
        return n;
    }
}
