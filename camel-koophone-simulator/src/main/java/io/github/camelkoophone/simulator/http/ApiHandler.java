package io.github.camelkoophone.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.faults.FaultInjector;
import io.github.camelkoophone.simulator.iam.GatewayAuthenticator;
import io.github.camelkoophone.simulator.iam.IamService;
import io.github.camelkoophone.simulator.journal.Journal;
import io.github.camelkoophone.simulator.json.SimJson;
import io.github.camelkoophone.simulator.state.SimulatorState;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request pipeline for the API (and IAM): journal → faults → gateway authentication → rate limit →
 * x-request-id check → operation under the state lock → answer. The order mirrors the real
 * path: throttling and auth happen at the gateway before the service sees the request.
 */
public final class ApiHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

    private final OperationTable table;
    private final SimulatorState state;
    private final GatewayAuthenticator authenticator;
    private final IamService iam;
    private final FaultInjector faults;
    private final Journal journal;

    public ApiHandler(OperationTable table, SimulatorState state, GatewayAuthenticator authenticator,
                      IamService iam, FaultInjector faults, Journal journal) {
        this.table = table;
        this.state = state;
        this.authenticator = authenticator;
        this.iam = iam;
        this.faults = faults;
        this.journal = journal;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant arrival = state.now();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            SimRequest request = SimRequest.of(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(), body);
            process(exchange, request, arrival, started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator failure", e);
            try {
                write(exchange, SimResponse.error(500, ErrorCodes.INTERNAL, "Simulator failure: " + e, "error_msg"),
                        null);
            } catch (IOException | RuntimeException ignored) {
                // the client is gone; nothing more to do
            }
        } finally {
            exchange.close();
        }
    }

    private void process(HttpExchange exchange, SimRequest request, Instant arrival, long started) throws IOException {
        Optional<OperationTable.Match> match = table.match(request.method(), request.path());
        String operation = match.map(m -> m.operation().name())
                .orElseGet(() -> table.nameForPath(request.path()).orElse("unknown"));
        Record record = new Record(request, operation, arrival, started);

        FaultInjector.Decision fault = faults.decide(operation, request.path());
        record.fault = fault.label();
        if (fault.revokeTokens()) {
            iam.revokeAll();
        }
        sleep(fault.latency());
        Fault outcome = fault.outcome();
        if (outcome != null && !outcome.isAfterExecution()) {
            answerWithFault(exchange, request, outcome, record);
            return;
        }

        SimResponse response;
        if (match.isEmpty()) {
            response = SimResponse.error(404, ErrorCodes.GATEWAY_NOT_FOUND,
                    "The API does not exist or has not been published in the environment", "error_msg");
        } else {
            response = invoke(match.get(), request, record);
        }
        if (outcome != null) {
            answerWithFault(exchange, request, outcome, record);
            return;
        }
        // Journal before answering, so a client that reads the journal right after the response sees its entry.
        record.finish(response.status(), response.errorCode());
        write(exchange, response, request);
    }

    private SimResponse invoke(OperationTable.Match match, SimRequest raw, Record record) {
        Operation op = match.operation();
        SimRequest request = raw.withPathParams(match.pathParams());
        if (op.authenticated()) {
            GatewayAuthenticator.Outcome auth = authenticator.authenticate(request);
            record.auth = auth.method();
            record.principal = auth.principal();
            record.project = auth.projectId();
            if (!auth.ok()) {
                return gatewayAuthFailure(auth.reason());
            }
            // After auth: the gateway's limits are per project, and only credentials say whose request it is.
            String project = record.project != null ? record.project : state.projectId();
            long retryAfter = state.rateLimiter().acquire(project, op.name(), state.now());
            if (retryAfter > 0) {
                return throttled(project, op.name(), retryAfter);
            }
            SimResponse idProblem = checkRequestId(op, request);
            if (idProblem != null) {
                return idProblem;
            }
        }
        Call call = new Call(request, state, record.project);
        SimResponse response;
        synchronized (state.lock()) {
            state.settle();
            try {
                response = op.handler().handle(call);
            } catch (ApiError e) {
                response = render(e);
            }
        }
        record.executed = call.wasExecuted();
        return response;
    }

    private SimResponse checkRequestId(Operation op, SimRequest request) {
        String id = request.header("x-request-id");
        if (id == null || id.isBlank()) {
            return op.requestIdRequired()
                    ? SimResponse.error(200, ErrorCodes.MISSING_REQUEST_ID, "Missing header x-request-id", "error_msg")
                    : null;
        }
        if (!RequestIds.wellFormed(id.trim())) {
            return render(new ApiError(400, ErrorCodes.MALFORMED_REQUEST_ID,
                    "Malformed x-request-id: expected 32 lower-case hex characters or a UUID"));
        }
        return null;
    }

    private SimResponse render(ApiError e) {
        // One page of the reference names the message field error_info in 4xx/5xx answers.
        String field = state.settings().quirkMode() && e.status() >= 400 ? "error_info" : "error_msg";
        return SimResponse.error(e.status(), e.code(), e.getMessage(), field);
    }

    static SimResponse gatewayAuthFailure(String reason) {
        return SimResponse.error(401, ErrorCodes.GATEWAY_AUTH, "Incorrect IAM authentication information: " + reason,
                "error_msg");
    }

    private static SimResponse throttled(String project, String operation, long retryAfterSeconds) {
        return SimResponse.error(429, ErrorCodes.GATEWAY_THROTTLED, "The throttling threshold has been reached: "
                + "project " + project + ", operation " + operation + "; retry after " + retryAfterSeconds + " s",
                "error_msg").header("Retry-After", String.valueOf(retryAfterSeconds));
    }

    private void answerWithFault(HttpExchange exchange, SimRequest request, Fault fault, Record record)
            throws IOException {
        if (fault.kind() == Fault.Kind.DROP) {
            // Closing before any response header is sent makes the server drop the connection.
            record.finish(0, null);
            return;
        }
        SimResponse response = fault.kind() == Fault.Kind.BUSINESS
                ? SimResponse.error(fault.status(), fault.errorCode(),
                        fault.errorMsg() == null ? "Simulated business error" : fault.errorMsg(), "error_msg")
                : statusResponse(fault);
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        record.finish(response.status(), response.errorCode());
        write(exchange, response, request);
    }

    private static SimResponse statusResponse(Fault fault) {
        int status = fault.status();
        String code;
        String msg;
        switch (status) {
            case 429 -> {
                code = ErrorCodes.GATEWAY_THROTTLED;
                msg = "The throttling threshold has been reached";
            }
            case 401 -> {
                code = ErrorCodes.GATEWAY_AUTH;
                msg = "Incorrect IAM authentication information: simulated";
            }
            case 502, 503, 504 -> {
                code = ErrorCodes.GATEWAY_UNAVAILABLE;
                msg = "Backend unavailable";
            }
            case 400 -> {
                code = ErrorCodes.BAD_PARAMETER;
                msg = "Simulated bad request";
            }
            default -> {
                code = ErrorCodes.INTERNAL;
                msg = "Simulated internal error";
            }
        }
        return SimResponse.error(status, fault.errorCode() != null ? fault.errorCode() : code,
                fault.errorMsg() != null ? fault.errorMsg() : msg, "error_msg");
    }

    private static void write(HttpExchange exchange, SimResponse response, SimRequest request) throws IOException {
        byte[] bytes = SimJson.bytes(response.body());
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json;charset=UTF-8");
        String requestId = request == null ? null : request.header("x-request-id");
        headers.set("X-Request-Id", requestId != null ? requestId : UUID.randomUUID().toString().replace("-", ""));
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            headers.set(h.getKey(), h.getValue());
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects what the journal needs while the request moves through the pipeline. */
    private final class Record {
        final SimRequest request;
        final String operation;
        final Instant arrival;
        final long started;
        String fault;
        String auth;
        String principal;
        String project;
        boolean executed;

        Record(SimRequest request, String operation, Instant arrival, long started) {
            this.request = request;
            this.operation = operation;
            this.arrival = arrival;
            this.started = started;
        }

        void finish(int status, String errorCode) {
            journal.record(request, operation, arrival, status, errorCode, executed, fault, auth, principal,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
