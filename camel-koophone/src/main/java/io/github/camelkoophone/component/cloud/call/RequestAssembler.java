package io.github.camelkoophone.component.cloud.call;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/**
 * Turns a message into the HTTP calls of one operation, generically from its {@link RequestPlan}: the request from
 * the body (a typed request, a Map or JSON) or new, every bound field the body leaves unset filled from headers and
 * options, validated, split on the id list, and laid out as path, query or JSON body. Everything that can be wrong
 * with the input fails here, before any call.
 */
public final class RequestAssembler {

    public static final String REQUEST_ID_HEADER = "x-request-id";
    /**
     * A caller's own x-request-id: 32 lower-case hex digits, as the reference's examples, or a UUID. The references
     * name a malformed id as an error (KOOPHONE.API.0003) without stating the rule, so the component sends only the
     * forms they show or that every client generates; the simulator applies the same rule.
     */
    private static final Pattern REQUEST_ID = Pattern.compile(
            "[0-9a-f]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * What the assembler needs from the endpoint's options.
     *
     * @param baseUrl         the API base URL
     * @param maxBatchSize    id-list chunk size; 0 turns splitting off
     * @param validateCommand whether to check the command's characters
     * @param timeout         per-attempt deadline in ms
     * @param pathParams      values for path-template parameters the request itself does not hold (e.g.
     *                        {@code project_id} from the projectId option)
     * @param requestIdHeader the header a caller gives its own x-request-id in, named when it is malformed
     */
    public record Settings(String baseUrl, int maxBatchSize, boolean validateCommand, long timeout,
                           Map<String, String> pathParams, String requestIdHeader) {

        public Settings {
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            pathParams = pathParams == null ? Map.of() : Map.copyOf(pathParams);
        }
    }

    private final Settings settings;
    private final Validator validator;
    private final Map<ApiOperation, RequestPlan> plans;

    /**
     * @param catalogue the operations this assembler serves, planned now so that a row that cannot work fails at
     *                  start-up
     */
    public RequestAssembler(Settings settings, Collection<? extends ApiOperation> catalogue) {
        this.settings = settings;
        this.validator = new Validator(settings.validateCommand());
        Map<ApiOperation, RequestPlan> planned = new HashMap<>();
        catalogue.forEach(op -> planned.put(op, RequestPlan.of(op)));
        this.plans = Map.copyOf(planned);
    }

    /**
     * @param inputs    the headers and options bound fields are filled from
     * @param requestId the caller's x-request-id for the (first) call, or null to generate one
     */
    public List<ApiRequest> assemble(ApiOperation op, Object body, Input.Source inputs, String requestId) {
        RequestPlan plan = plans.get(op);
        if (plan == null) {
            throw new IllegalArgumentException("operation " + op.name() + " is not in this assembler's catalogue");
        }
        RequestModel request = body == null ? plan.newRequest() : toRequest(op, toTree(body));
        plan.fill(request, inputs);
        request.validate(validator);
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidInputException(settings.requestIdHeader(),
                    "must be 32 lower-case hex digits or a UUID, was '" + requestId + "'");
        }
        int chunk = settings.maxBatchSize() == 0 ? op.maxIds() : Math.min(settings.maxBatchSize(), op.maxIds());
        int ids = plan.ids(request);
        if (ids <= chunk) {
            return List.of(toCall(plan, request, requestId != null ? requestId : newRequestId()));
        }
        if (settings.maxBatchSize() == 0) {
            throw new InvalidInputException(plan.idListField(), "must have at most " + op.maxIds() + " entries, had " + ids
                                                                 + " (splitting is off: maxBatchSize=0)");
        }
        List<RequestModel> chunks = plan.split(request, chunk);
        List<ApiRequest> calls = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            calls.add(toCall(plan, chunks.get(i), i == 0 && requestId != null ? requestId : newRequestId()));
        }
        return calls;
    }

    /** 32 random hex digits: unique, not unguessable, so from {@link ThreadLocalRandom}, which no caller contends. */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] hex = new byte[32];
        for (int half = 0; half < 2; half++) {
            long bits = random.nextLong();
            for (int i = 0; i < 16; i++) {
                hex[half * 16 + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xF];
            }
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /** The body (typed request, Map, JSON text, bytes or stream, JsonNode, or null) as a JSON object tree. */
    public static ObjectNode toTree(Object body) {
        try {
            JsonNode tree;
            if (body == null) {
                return Json.MAPPER.createObjectNode();
            } else if (body instanceof String text) {
                tree = text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
            } else if (body instanceof byte[] bytes) {
                tree = bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
            } else if (body instanceof InputStream stream) {
                tree = Json.MAPPER.readTree(stream);
            } else if (body instanceof JsonNode node) {
                tree = node.deepCopy();
            } else {
                tree = Json.MAPPER.valueToTree(body);
            }
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return Json.MAPPER.createObjectNode();
            }
            if (!(tree instanceof ObjectNode object)) {
                throw new InvalidInputException("body", "must be a JSON object, was a JSON " + tree.getNodeType().name().toLowerCase());
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("body", "cannot be turned into JSON (" + body.getClass().getName()
                                                          + "): use a request object, a Map or a JSON string");
        }
    }

    private static RequestModel toRequest(ApiOperation op, ObjectNode tree) {
        try {
            return Json.reader(op.requestType()).readValue(tree);
        } catch (JsonMappingException e) {
            throw new InvalidInputException(path(e), "has the wrong type: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("body", e.getMessage()); // a tree has no I/O: not expected
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private ApiRequest toCall(RequestPlan plan, RequestModel request, String requestId) {
        ApiOperation op = plan.operation();
        List<Map.Entry<String, String>> query = plan.query(request);
        if (op.quirks().contains(WireQuirk.REQUEST_ID_IN_QUERY)) {
            query.add(Map.entry(REQUEST_ID_HEADER, requestId));
        }
        return new ApiRequest(op.name(), op.method().name(), settings.baseUrl(), plan.path(request, settings.pathParams()),
                query, Map.of(REQUEST_ID_HEADER, requestId), plan.body(request), requestId, op.idempotent(), false,
                settings.timeout());
    }
}
