package io.github.camelkoophone.simulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Faults drawn at random for soak tests, reproducible from a seed for a given request order:
 *
 * <pre>{@code
 * sim.faults().random(RandomFaults.seed(42).status(503, 0.10).status(429, 0.05).drop(0.02).retryAfter(1));
 * }</pre>
 *
 * One draw per request picks at most one fault; explicit {@link Fault} rules take precedence.
 */
public final class RandomFaults {

    private final long seed;
    private final Random random;
    private final Map<Integer, Double> statusRates = new LinkedHashMap<>();
    private double dropRate;
    private int retryAfterSeconds = 1;
    private final Set<String> operations = new LinkedHashSet<>();

    private RandomFaults(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static RandomFaults seed(long seed) {
        return new RandomFaults(seed);
    }

    /** Answer this HTTP status with the given probability. */
    public RandomFaults status(int httpStatus, double rate) {
        statusRates.put(httpStatus, check(rate));
        return this;
    }

    /** Drop the connection with the given probability. */
    public RandomFaults drop(double rate) {
        dropRate = check(rate);
        return this;
    }

    /** {@code Retry-After} seconds sent with random 429s and 503s (default 1). */
    public RandomFaults retryAfter(int seconds) {
        retryAfterSeconds = seconds;
        return this;
    }

    /** Limit to these operations (default: every API operation, IAM included). */
    public RandomFaults operations(String... names) {
        operations.addAll(List.of(names));
        return this;
    }

    /** Draws for one request; returns the fault to apply, or null. */
    synchronized Fault draw(String operation) {
        if (!operations.isEmpty() && !operations.contains(operation)) {
            return null;
        }
        double r = random.nextDouble();
        double cumulative = 0;
        for (Map.Entry<Integer, Double> e : statusRates.entrySet()) {
            cumulative += e.getValue();
            if (r < cumulative) {
                Fault f = Fault.onAll().httpStatus(e.getKey());
                if (e.getKey() == 429 || e.getKey() == 503) {
                    f.retryAfter(retryAfterSeconds);
                }
                return f;
            }
        }
        cumulative += dropRate;
        return r < cumulative ? Fault.onAll().drop() : null;
    }

    private static double check(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
        return rate;
    }

    public ObjectNode toJson() {
        ObjectNode n = SimJson.object();
        n.put("seed", seed);
        ObjectNode statuses = n.putObject("status");
        statusRates.forEach((s, r) -> statuses.put(String.valueOf(s), r));
        n.put("drop", dropRate);
        n.put("retry_after", retryAfterSeconds);
        ArrayNode ops = n.putArray("operations");
        operations.forEach(ops::add);
        return n;
    }

    /** {@code {"seed":42,"status":{"503":0.1,"429":0.05},"drop":0.02,"retry_after":1,"operations":[...]}} */
    public static RandomFaults fromJson(JsonNode n) {
        RandomFaults f = seed(n.path("seed").asLong(0));
        n.path("status").properties().forEach(e -> f.status(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
        if (n.has("drop")) {
            f.drop(n.get("drop").asDouble());
        }
        if (n.has("retry_after")) {
            f.retryAfter(n.get("retry_after").asInt());
        }
        n.path("operations").forEach(o -> f.operations(o.asText()));
        return f;
    }
}
