package io.github.camelkoophone.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The API gateway's throttling thresholds: one token bucket per project and, optionally, one per (project,
 * operation) on top. Immutable: a change is a new value, which is what tells the {@link RateLimiter} to refill.
 *
 * @param project    the per-project limit, or null for none
 * @param operations per-operation limits by the journal's operation name
 */
public record RateLimits(Limit project, Map<String, Limit> operations) {

    public static final RateLimits NONE = new RateLimits(null, Map.of());

    /**
     * One bucket's shape: it holds up to {@code burst} tokens and refills at {@code perSecond} tokens per second of
     * simulated time; each request takes one.
     */
    public record Limit(double perSecond, int burst) {

        public Limit {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("requests per second must be above 0: " + perSecond);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1: " + burst);
            }
        }

        /** With the default burst: one second's worth of requests, at least one. */
        public static Limit of(double perSecond) {
            return new Limit(perSecond, (int) Math.max(1, Math.ceil(perSecond)));
        }

        ObjectNode toJson() {
            return SimJson.object().put("per_second", perSecond).put("burst", burst);
        }

        static Limit fromJson(JsonNode json, String where) {
            if (!json.path("per_second").isNumber()) {
                throw new IllegalArgumentException(where + " needs a numeric per_second");
            }
            double perSecond = json.get("per_second").asDouble();
            return json.hasNonNull("burst") ? new Limit(perSecond, json.get("burst").asInt()) : of(perSecond);
        }
    }

    public RateLimits {
        operations = Map.copyOf(operations);
    }

    public boolean isNone() {
        return project == null && operations.isEmpty();
    }

    public RateLimits withProject(Limit limit) {
        return new RateLimits(limit, operations);
    }

    public RateLimits withOperation(String operation, Limit limit) {
        Map<String, Limit> ops = new LinkedHashMap<>(operations);
        ops.put(Objects.requireNonNull(operation), Objects.requireNonNull(limit));
        return new RateLimits(project, ops);
    }

    /** {@code {"per_second":R,"burst":B,"operations":{"getTask":{...}}}}, or null when there is no limit. */
    JsonNode toJson() {
        if (isNone()) {
            return SimJson.MAPPER.nullNode();
        }
        ObjectNode n = project != null ? project.toJson() : SimJson.object().putNull("per_second").putNull("burst");
        ObjectNode ops = n.putObject("operations");
        // Sorted, so the answer does not depend on the order limits were added.
        new TreeMap<>(operations).forEach((op, limit) -> ops.set(op, limit.toJson()));
        return n;
    }

    /** The inverse of {@link #toJson()}: null removes every limit; a missing per_second means no per-project one. */
    static RateLimits fromJson(JsonNode json) {
        if (json == null || json.isNull()) {
            return NONE;
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("rate_limit must be an object or null");
        }
        RateLimits limits = json.hasNonNull("per_second") || json.hasNonNull("burst")
                ? NONE.withProject(Limit.fromJson(json, "rate_limit")) : NONE;
        JsonNode ops = json.path("operations");
        if (!ops.isMissingNode() && !ops.isNull() && !ops.isObject()) {
            throw new IllegalArgumentException("rate_limit.operations must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ops.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            limits = limits.withOperation(e.getKey(), Limit.fromJson(e.getValue(), "rate_limit.operations." + e.getKey()));
        }
        return limits;
    }
}
