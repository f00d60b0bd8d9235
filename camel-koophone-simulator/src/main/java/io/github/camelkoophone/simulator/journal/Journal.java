package io.github.camelkoophone.simulator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.http.SimRequest;
import io.github.camelkoophone.simulator.iam.SignatureVerifier;
import io.github.camelkoophone.simulator.json.SimJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What reached the simulated cloud: every API request (admin calls excluded), with secrets masked,
 * plus per-operation counters. Tests use it to assert on traffic, e.g. that no state-changing
 * request was executed twice for one x-request-id ({@link #duplicateExecutions()}).
 */
public final class Journal {

    /** Headers whose values are secrets. */
    static final Set<String> SECRET_HEADERS = Set.of("x-auth-token", "x-security-token", "x-subject-token", "cookie");
    private static final String MASK = "****";

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private final Map<String, OperationCounter> counters = new TreeMap<>();
    private long seq;

    public Journal(int capacity) {
        this.capacity = capacity;
    }

    /** Masks a secret for display: fixed stars plus a short hash, so two uses of one secret can be matched. */
    public static String fingerprint(String secret) {
        if (secret == null) {
            return null;
        }
        return MASK + "#" + SignatureVerifier.sha256Hex(secret.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    public synchronized JournalEntry record(SimRequest request, String operation, Instant time, int status,
                                            String errorCode, boolean executed, String fault, String auth,
                                            String principal, long durationMillis) {
        JournalEntry e = new JournalEntry(++seq, time, request.method(), request.path(), request.rawQuery(), operation,
                maskHeaders(request.headers()), maskBody(request.body()), request.header("x-request-id"), status,
                errorCode, executed, fault, auth, principal, durationMillis);
        entries.addLast(e);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        counters.merge(operation, new OperationCounter(0, 0, 0, 0).plus(e), (a, b) -> a.plus(e));
        return e;
    }

    /** Every kept entry, oldest first (the oldest are dropped beyond the capacity; counters keep counting). */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** Entries of one operation. */
    public synchronized List<JournalEntry> entries(String operation) {
        return entries.stream().filter(e -> e.operation().equals(operation)).toList();
    }

    /** Entries after the given sequence number, for polling. */
    public synchronized List<JournalEntry> since(long seq) {
        return entries.stream().filter(e -> e.seq() > seq).toList();
    }

    public synchronized Optional<JournalEntry> last() {
        return Optional.ofNullable(entries.peekLast());
    }

    public synchronized Optional<JournalEntry> last(String operation) {
        List<JournalEntry> list = entries(operation);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** Requests of one operation since the last clear. */
    public synchronized long count(String operation) {
        OperationCounter c = counters.get(operation);
        return c == null ? 0 : c.requests();
    }

    /** Executed (state-changing) requests of one operation since the last clear. */
    public synchronized long executedCount(String operation) {
        OperationCounter c = counters.get(operation);
        return c == null ? 0 : c.executed();
    }

    /** Requests of one operation answered 429 (rate limit or 429 fault) since the last clear. */
    public synchronized long throttledCount(String operation) {
        OperationCounter c = counters.get(operation);
        return c == null ? 0 : c.throttled();
    }

    /** Requests of every operation answered 429 since the last clear. */
    public synchronized long throttledCount() {
        return counters.values().stream().mapToLong(OperationCounter::throttled).sum();
    }

    /** Counters by operation name. */
    public synchronized Map<String, OperationCounter> counters() {
        return new LinkedHashMap<>(counters);
    }

    /**
     * x-request-ids that were executed more than once, with their entries: a non-empty map means a
     * retry re-executed a state-changing call.
     */
    public synchronized Map<String, List<JournalEntry>> duplicateExecutions() {
        return entries.stream()
                .filter(e -> e.executed() && e.requestId() != null)
                .collect(Collectors.groupingBy(JournalEntry::requestId, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream()
                .filter(en -> en.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Forgets entries and counters; numbering starts again at 1. */
    public synchronized void clear() {
        entries.clear();
        counters.clear();
        seq = 0;
    }

    static Map<String, String> maskHeaders(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (SECRET_HEADERS.contains(name)) {
                out.put(name, fingerprint(value));
            } else if (name.equals("authorization")) {
                out.put(name, maskAuthorization(value));
            } else {
                out.put(name, value);
            }
        });
        return out;
    }

    /** Keeps the access key and signed-header list (useful in assertions), hides the signature. */
    static String maskAuthorization(String value) {
        int sig = value.indexOf("Signature=");
        if (value.startsWith(SignatureVerifier.ALGORITHM) && sig >= 0) {
            int end = value.indexOf(',', sig);
            return value.substring(0, sig) + "Signature=" + MASK + (end < 0 ? "" : value.substring(end));
        }
        return MASK;
    }

    static String maskBody(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.toLowerCase(Locale.ROOT).contains("password")) {
            return text;
        }
        try {
            JsonNode json = SimJson.parse(body);
            maskPasswords(json);
            return SimJson.text(json);
        } catch (IOException e) {
            // Not JSON but mentions a password: hide it all rather than risk leaking it.
            return MASK;
        }
    }

    private static void maskPasswords(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = obj.get(name);
                if (name.toLowerCase(Locale.ROOT).contains("password") && child.isValueNode()) {
                    obj.put(name, MASK);
                } else {
                    maskPasswords(child);
                }
            }
        } else if (node.isArray()) {
            node.forEach(Journal::maskPasswords);
        }
    }

    public synchronized ObjectNode countersJson() {
        ObjectNode n = SimJson.object();
        counters.forEach((op, c) -> n.putObject(op).put("requests", c.requests()).put("executed", c.executed())
                .put("failed", c.failed()).put("throttled", c.throttled()));
        return n;
    }
}
