package io.github.camelkoophone.simulator.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps method + path to an {@link Operation}; templates may contain {@code {name}} segments. */
public final class OperationTable {

    /** Whether an operation needs x-request-id: the reference marks these with a required header. */
    public static final boolean REQUEST_ID = true;
    public static final boolean NO_REQUEST_ID = false;

    record Match(Operation operation, Map<String, String> pathParams) {
    }

    private final List<Operation> operations = new ArrayList<>();

    public OperationTable add(String name, String method, String pathTemplate, boolean requestIdRequired,
                              OperationHandler handler) {
        operations.add(new Operation(name, method, pathTemplate, requestIdRequired, true, handler));
        return this;
    }

    public OperationTable addUnauthenticated(String name, String method, String pathTemplate,
                                             OperationHandler handler) {
        operations.add(new Operation(name, method, pathTemplate, false, false, handler));
        return this;
    }

    Optional<Match> match(String method, String path) {
        String[] segments = trim(path).split("/");
        for (Operation op : operations) {
            if (!op.method().equals(method)) {
                continue;
            }
            Map<String, String> params = matchTemplate(trim(op.pathTemplate()).split("/"), segments);
            if (params != null) {
                return Optional.of(new Match(op, params));
            }
        }
        return Optional.empty();
    }

    /** The operation name a path belongs to regardless of method, for journaling requests that match nothing. */
    Optional<String> nameForPath(String path) {
        String[] segments = trim(path).split("/");
        for (Operation op : operations) {
            if (matchTemplate(trim(op.pathTemplate()).split("/"), segments) != null) {
                return Optional.of(op.name());
            }
        }
        return Optional.empty();
    }

    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    private static Map<String, String> matchTemplate(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), segments[i]);
            } else if (!t.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
