package io.github.camelkoophone.simulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault rule: which requests it hits (an operation, a path prefix, or all), and what happens to
 * them (latency, an HTTP status, a business error with HTTP 200, a dropped connection, token
 * revocation). Configure it fluently, then hand it to {@link FaultInjector#add(Fault)}:
 *
 * <pre>{@code
 * sim.faults().add(Fault.on("batchReset").httpStatus(503).times(2));
 * sim.faults().add(Fault.on("syncCommand").httpStatus(429).retryAfter(1).times(1));
 * sim.faults().add(Fault.onPath("/v1/instances/tasks/").drop().times(1));
 * sim.faults().add(Fault.on("assignInstance").businessError("KOOPHONE.API.4001", "busy"));
 * sim.faults().add(Fault.onAll().latency(Duration.ofMillis(200)));
 * sim.faults().add(Fault.on("batchReset").httpStatus(500).afterExecution().times(1)); // state changes, client sees 500
 * }</pre>
 *
 * A rule applies to every matching request until {@link #times(int)} runs out (unlimited by default);
 * {@link #after(int)} lets the first matches through untouched.
 */
public final class Fault {

    public enum Kind { NONE, STATUS, BUSINESS, DROP }

    static final int UNLIMITED = -1;

    private final String operation;
    private final String pathPrefix;
    private Kind kind = Kind.NONE;
    private int status;
    private String errorCode;
    private String errorMsg;
    private Integer retryAfterSeconds;
    private Duration latencyMin = Duration.ZERO;
    private Duration latencyMax = Duration.ZERO;
    private boolean revokeTokens;
    private boolean afterExecution;
    private int remaining = UNLIMITED;
    private int skip;
    private int hits;

    private Fault(String operation, String pathPrefix) {
        this.operation = operation;
        this.pathPrefix = pathPrefix;
    }

    /** Requests of one operation, by the contract's name ({@code batchReset}, or {@code iamToken} for IAM logins). */
    public static Fault on(String operation) {
        return new Fault(Objects.requireNonNull(operation, "operation"), null);
    }

    /** Requests whose path starts with the prefix. */
    public static Fault onPath(String pathPrefix) {
        return new Fault(null, Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    /** Every API request (admin requests are never faulted). */
    public static Fault onAll() {
        return new Fault("*", null);
    }

    /** Answer with this HTTP status and the envelope the gateway or service would send. */
    public Fault httpStatus(int httpStatus) {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + httpStatus);
        }
        this.kind = kind == Kind.BUSINESS ? Kind.BUSINESS : Kind.STATUS;
        this.status = httpStatus;
        return this;
    }

    /** Adds {@code Retry-After: seconds} (for 429 and 503). */
    public Fault retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Answer HTTP 200 with this error code and message (the API's business errors). */
    public Fault businessError(String code, String message) {
        this.kind = Kind.BUSINESS;
        this.errorCode = Objects.requireNonNull(code, "code");
        this.errorMsg = message;
        if (status == 0) {
            status = 200;
        }
        return this;
    }

    /** Overrides the code and message a status fault answers with. */
    public Fault body(String code, String message) {
        this.errorCode = code;
        this.errorMsg = message;
        return this;
    }

    /** Close the connection without any response. */
    public Fault drop() {
        this.kind = Kind.DROP;
        return this;
    }

    /** Delay before answering. */
    public Fault latency(Duration fixed) {
        return latency(fixed, fixed);
    }

    /** Delay drawn per request (seeded) between min and max. */
    public Fault latency(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max");
        }
        this.latencyMin = min;
        this.latencyMax = max;
        return this;
    }

    /** Revoke every issued IAM token before authenticating the request. */
    public Fault revokeTokens() {
        this.revokeTokens = true;
        return this;
    }

    /**
     * Execute the request (state changes, journal says executed) and only then answer with the fault:
     * the "request reached the server but the client saw a failure" case that retries must handle.
     */
    public Fault afterExecution() {
        this.afterExecution = true;
        return this;
    }

    /** Apply to this many matching requests, then stop. */
    public Fault times(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        this.remaining = count;
        return this;
    }

    /** Let this many matching requests through before applying. */
    public Fault after(int count) {
        this.skip = count;
        return this;
    }

    /** How many requests this rule has hit so far. */
    public synchronized int hits() {
        return hits;
    }

    /** How many more requests it will hit; -1 means unlimited. */
    public synchronized int remaining() {
        return remaining;
    }

    boolean matches(String op, String path) {
        if (operation != null) {
            return operation.equals("*") || operation.equals(op);
        }
        return path.startsWith(pathPrefix);
    }

    /** Counts a match; true when this request is hit. */
    synchronized boolean consume() {
        if (skip > 0) {
            skip--;
            return false;
        }
        if (remaining == 0) {
            return false;
        }
        if (remaining > 0) {
            remaining--;
        }
        hits++;
        return true;
    }

    synchronized boolean exhausted() {
        return remaining == 0;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMsg() {
        return errorMsg;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration latencyMin() {
        return latencyMin;
    }

    Duration latencyMax() {
        return latencyMax;
    }

    boolean revokesTokens() {
        return revokeTokens;
    }

    public boolean isAfterExecution() {
        return afterExecution;
    }

    /** A short description for the journal. */
    String label() {
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case STATUS -> sb.append("status:").append(status);
            case BUSINESS -> sb.append("business:").append(errorCode);
            case DROP -> sb.append("drop");
            default -> { }
        }
        if (!latencyMax.isZero()) {
            append(sb, "latency");
        }
        if (revokeTokens) {
            append(sb, "revoke-tokens");
        }
        if (afterExecution) {
            append(sb, "after-execution");
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append(s);
    }

    synchronized ObjectNode toJson() {
        ObjectNode n = SimJson.object();
        if (operation != null) {
            n.put("operation", operation);
        } else {
            n.put("path", pathPrefix);
        }
        switch (kind) {
            case STATUS -> n.put("status", status);
            case BUSINESS -> {
                n.put("business_error", errorCode);
                n.put("business_msg", errorMsg);
                if (status != 200) {
                    n.put("status", status);
                }
            }
            case DROP -> n.put("drop", true);
            default -> { }
        }
        if (kind == Kind.STATUS && errorCode != null) {
            n.put("error_code", errorCode);
            n.put("error_msg", errorMsg);
        }
        if (retryAfterSeconds != null) {
            n.put("retry_after", retryAfterSeconds);
        }
        if (!latencyMax.isZero()) {
            n.put("latency_min_ms", latencyMin.toMillis());
            n.put("latency_max_ms", latencyMax.toMillis());
        }
        if (revokeTokens) {
            n.put("revoke_tokens", true);
        }
        if (afterExecution) {
            n.put("after_execution", true);
        }
        n.put("times", remaining);
        n.put("after", skip);
        n.put("hits", hits);
        return n;
    }

    /** Reads the admin API's JSON form (see docs/simulator.md). */
    public static Fault fromJson(JsonNode n) {
        Fault f;
        if (n.hasNonNull("path")) {
            f = onPath(n.get("path").asText());
        } else if (n.hasNonNull("operation")) {
            f = on(n.get("operation").asText());
        } else {
            f = onAll();
        }
        if (n.hasNonNull("business_error")) {
            f.businessError(n.get("business_error").asText(), n.path("business_msg").asText("Simulated business error"));
        }
        if (n.hasNonNull("status")) {
            f.httpStatus(n.get("status").asInt());
        }
        if (n.hasNonNull("error_code")) {
            f.body(n.get("error_code").asText(), n.path("error_msg").asText(null));
        }
        if (n.path("drop").asBoolean(false)) {
            f.drop();
        }
        if (n.hasNonNull("retry_after")) {
            f.retryAfter(n.get("retry_after").asInt());
        }
        if (n.hasNonNull("latency_ms")) {
            f.latency(Duration.ofMillis(n.get("latency_ms").asLong()));
        }
        if (n.hasNonNull("latency_min_ms") || n.hasNonNull("latency_max_ms")) {
            long min = n.path("latency_min_ms").asLong(0);
            f.latency(Duration.ofMillis(min), Duration.ofMillis(n.path("latency_max_ms").asLong(min)));
        }
        if (n.path("revoke_tokens").asBoolean(false)) {
            f.revokeTokens();
        }
        if (n.path("after_execution").asBoolean(false)) {
            f.afterExecution();
        }
        if (n.hasNonNull("times") && n.get("times").asInt() >= 0) {
            f.times(n.get("times").asInt());
        }
        if (n.hasNonNull("after")) {
            f.after(n.get("after").asInt());
        }
        return f;
    }

    @Override
    public String toString() {
        return "Fault" + toJson();
    }
}
