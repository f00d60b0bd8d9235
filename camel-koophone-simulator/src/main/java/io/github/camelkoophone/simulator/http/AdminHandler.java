package io.github.camelkoophone.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.faults.RandomFaults;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.json.SimJson;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimTask;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The control API under {@code /_sim/}, for shell scripts and out-of-process tests. Unauthenticated
 * (the server listens on 127.0.0.1 only) and never journaled. See docs/simulator.md for the list.
 */
public final class AdminHandler implements HttpHandler {

    private final KooPhoneSimulator sim;
    private final Map<String, Function<SimRequest, JsonNode>> routes;

    public AdminHandler(KooPhoneSimulator sim) {
        this.sim = sim;
        this.routes = Map.ofEntries(
                Map.entry("GET /_sim/health", r -> health()),
                Map.entry("GET /_sim/journal", this::journal),
                Map.entry("DELETE /_sim/journal", r -> {
                    sim.journal().clear();
                    return done();
                }),
                Map.entry("GET /_sim/counters", r -> sim.journal().countersJson()),
                Map.entry("GET /_sim/faults", r -> sim.faults().toJson()),
                Map.entry("POST /_sim/faults", this::addFault),
                Map.entry("DELETE /_sim/faults", r -> {
                    sim.faults().clear();
                    return done();
                }),
                Map.entry("POST /_sim/reset", r -> {
                    sim.reset();
                    return done();
                }),
                Map.entry("POST /_sim/revoke-tokens", r -> SimJson.object().put("revoked", sim.revokeTokens())),
                Map.entry("GET /_sim/instances", r -> instances()),
                Map.entry("PUT /_sim/instances", this::replaceInstances),
                Map.entry("GET /_sim/tasks", r -> tasks()),
                Map.entry("POST /_sim/tasks/complete", r -> {
                    sim.tasks().completeAll();
                    return done();
                }),
                Map.entry("GET /_sim/settings", r -> sim.settings().toJson()),
                Map.entry("POST /_sim/settings", r -> {
                    sim.settings().apply(r.json());
                    return sim.settings().toJson();
                }),
                Map.entry("GET /_sim/clock", r -> clock()),
                Map.entry("POST /_sim/clock", r -> {
                    sim.clock().advance(Duration.ofMillis(r.json().path("advance_ms").asLong(0)));
                    return clock();
                }),
                // The stop itself happens once the answer is out; see handle().
                Map.entry("POST /_sim/shutdown", r -> done()));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            SimRequest request = SimRequest.of(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(), body);
            String path = request.path().endsWith("/") && request.path().length() > 1
                    ? request.path().substring(0, request.path().length() - 1) : request.path();
            int status = 200;
            JsonNode answer;
            try {
                Function<SimRequest, JsonNode> route = routes.get(request.method() + " " + path);
                if (route != null) {
                    answer = route.apply(request);
                } else if (path.startsWith("/_sim/instances/")) {
                    answer = instance(request, path.substring("/_sim/instances/".length()));
                } else if (path.startsWith("/_sim/tasks/") && request.method().equals("GET")) {
                    String id = path.substring("/_sim/tasks/".length());
                    answer = sim.tasks().get(id).map(AdminHandler::taskJson).orElse(null);
                } else {
                    answer = null;
                }
                if (answer == null) {
                    status = 404;
                    answer = SimJson.object().put("error", "no such admin resource: " + request.method() + " " + path);
                }
            } catch (ApiError | IllegalArgumentException | IllegalStateException e) {
                status = 400;
                answer = SimJson.object().put("error", e.getMessage());
            }
            byte[] bytes = SimJson.bytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            if (request.method().equals("POST") && path.equals("/_sim/shutdown")) {
                // Another thread, after answering: stopping closes every connection, this one included.
                Thread t = new Thread(sim::stop, "koophone-sim-shutdown");
                t.start();
            }
        } finally {
            exchange.close();
        }
    }

    private JsonNode health() {
        ObjectNode n = SimJson.object();
        n.put("status", "UP");
        n.put("url", sim.url());
        n.put("instances", sim.inventory().size());
        return n;
    }

    private JsonNode journal(SimRequest r) {
        Map<String, String> q = r.query();
        List<JournalEntry> entries = q.containsKey("since")
                ? sim.journal().since(Long.parseLong(q.get("since")))
                : sim.journal().entries();
        String op = q.get("operation");
        ArrayNode list = SimJson.array();
        entries.stream().filter(e -> op == null || e.operation().equals(op)).forEach(e -> list.add(e.toJson()));
        return list;
    }

    private JsonNode addFault(SimRequest r) {
        JsonNode body = r.json();
        if (body.has("random")) {
            JsonNode random = body.get("random");
            sim.faults().random(random.isNull() ? null : RandomFaults.fromJson(random));
        } else {
            sim.faults().add(Fault.fromJson(body));
        }
        return sim.faults().toJson();
    }

    private JsonNode instances() {
        ArrayNode list = SimJson.array();
        sim.inventory().all().forEach(i -> list.add(i.toAdminJson()));
        return list;
    }

    private JsonNode replaceInstances(SimRequest r) {
        JsonNode body = r.json();
        if (!body.isArray()) {
            throw new IllegalArgumentException("PUT /_sim/instances takes a JSON array of instances");
        }
        List<SimInstance> list = new ArrayList<>();
        for (JsonNode n : body) {
            list.add(parseInstance(n, null));
        }
        sim.inventory().replaceAll(list);
        return instances();
    }

    /** {@code GET|PUT|DELETE /_sim/instances/{id}}; PUT merges the given fields into the instance (or creates it). */
    private JsonNode instance(SimRequest r, String id) {
        switch (r.method()) {
            case "GET":
                return sim.inventory().get(id).map(SimInstance::toAdminJson).orElse(null);
            case "PUT": {
                SimInstance base = sim.inventory().get(id).orElse(new SimInstance(id));
                SimInstance merged = parseInstance(r.json(), base);
                sim.inventory().put(merged);
                return sim.inventory().get(id).map(SimInstance::toAdminJson).orElse(null);
            }
            case "DELETE":
                return sim.inventory().remove(id) ? done() : null;
            default:
                return null;
        }
    }

    private static SimInstance parseInstance(JsonNode n, SimInstance base) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("an instance must be a JSON object");
        }
        try {
            SimInstance i = base != null
                    ? SimJson.MAPPER.readerForUpdating(base).readValue(n)
                    : SimJson.MAPPER.treeToValue(n, SimInstance.class);
            if (i.instanceId() == null || i.instanceId().isBlank()) {
                throw new IllegalArgumentException("instance_id is required");
            }
            return i;
        } catch (IOException e) {
            throw new IllegalArgumentException("not an instance: " + e.getMessage());
        }
    }

    private JsonNode tasks() {
        ArrayNode list = SimJson.array();
        sim.tasks().all().forEach(t -> list.add(taskJson(t)));
        return list;
    }

    static ObjectNode taskJson(SimTask t) {
        ObjectNode n = SimJson.object();
        n.put("task_id", t.taskId());
        n.put("operation", t.operation());
        n.put("created_at", t.createdAt().toString());
        n.put("finished", t.finished());
        ArrayNode jobs = n.putArray("jobs");
        for (SimJob j : t.jobs()) {
            ObjectNode jn = jobs.addObject();
            jn.put("job_id", j.jobId());
            jn.put("instance_id", j.instanceId());
            jn.put("status", j.status());
            jn.put("error_code", j.errorCode());
            jn.put("error_msg", j.errorMsg());
            jn.put("execute_msg", j.executeMsg());
            jn.put("finish_at", j.finishAt() == null ? null : j.finishAt().toString());
        }
        return n;
    }

    private JsonNode clock() {
        ObjectNode n = SimJson.object();
        n.put("now", sim.clock().instant().toString());
        n.put("offset_ms", sim.clock().offset().toMillis());
        return n;
    }

    private static JsonNode done() {
        return SimJson.object().put("ok", true);
    }
}
