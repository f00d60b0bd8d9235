package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.koophone.model.KooPhoneRequest;
import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import io.github.camelkoophone.component.koophone.model.Validator;
import io.github.camelkoophone.component.koophone.transport.ApiRequest;

/**
 * Turns a message into the HTTP calls of one operation, generically from the catalogue row: the body (typed
 * request, Map or JSON) with unset fields filled from headers and options, validated, split on the id list, and
 * laid out as path, query or JSON body. Everything that can be wrong with the input fails here, before any call.
 */
public final class RequestAssembler {

    public static final String REQUEST_ID_HEADER = "x-request-id";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    /**
     * A caller's own x-request-id: 32 lower-case hex digits, as the reference's examples, or a UUID. The references
     * name a malformed id as an error (KOOPHONE.API.0003) without stating the rule, so the component sends only the
     * forms they show or that every client generates; the simulator applies the same rule.
     */
    private static final Pattern REQUEST_ID = Pattern.compile(
            "[0-9a-f]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Path templates, split once: matching the pattern per call showed in profiles. */
    private static final Map<String, String[]> TEMPLATES = new ConcurrentHashMap<>();
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
     */
    public record Settings(String baseUrl, int maxBatchSize, boolean validateCommand, long timeout,
                           Map<String, String> pathParams) {

        public Settings {
            pathParams = pathParams == null ? Map.of() : Map.copyOf(pathParams);
        }

        public Settings(String baseUrl, int maxBatchSize, boolean validateCommand, long timeout) {
            this(baseUrl, maxBatchSize, validateCommand, timeout, Map.of());
        }
    }

    private final Settings settings;
    private final Validator validator;

    public RequestAssembler(Settings settings) {
        this.settings = new Settings(stripTrailingSlash(settings.baseUrl()), settings.maxBatchSize(),
                settings.validateCommand(), settings.timeout(), settings.pathParams());
        this.validator = new Validator(settings.validateCommand());
    }

    /**
     * @param requestId the caller's x-request-id for the (first) call, or null to generate one
     */
    public List<ApiRequest> assemble(ApiOperation op, Object body, Inputs inputs, String requestId) {
        InputBinder binder = body == null ? InputBinder.of(op) : null;
        KooPhoneRequest request;
        int ids;
        if (binder != null) {
            request = binder.bind(inputs);
            ids = boundIds(op, inputs);
        } else {
            ObjectNode tree = toTree(body);
            fill(op, tree, inputs);
            request = toRequest(op, tree);
            JsonNode list = op.idListField() == null ? null : tree.get(op.idListField());
            ids = list == null ? 0 : list.size();
        }
        request.validate(validator);
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw new KooPhoneValidationException("CamelKooPhoneRequestId",
                    "must be 32 lower-case hex digits or a UUID, was '" + requestId + "'");
        }
        if (op.method().hasBody() && op.pathTemplate().indexOf('{') < 0 && ids <= Math.min(op.maxIds(), chunkSize(op))) {
            // the common case: one call whose body is the request as it is, written once
            return List.of(toCall(op, "", List.of(), bytes(request), requestId != null ? requestId : newRequestId()));
        }
        ObjectNode canonical = op.method().hasBody() || op.idListField() != null ? Json.MAPPER.valueToTree(request) : SentFields.of(request);
        List<ObjectNode> chunks = split(op, canonical);
        List<ApiRequest> calls = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            String id = i == 0 && requestId != null ? requestId : newRequestId();
            calls.add(toCall(op, chunks.get(i), id));
        }
        return calls;
    }

    /**
     * 32 random hex digits. A request id must be unique, not unguessable, so it comes from
     * {@link ThreadLocalRandom}: {@code UUID.randomUUID()} draws on one shared SecureRandom, which showed in
     * profiles and serialises concurrent callers.
     */
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
                throw new KooPhoneValidationException("body", "must be a JSON object, was a JSON " + tree.getNodeType().name().toLowerCase());
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new KooPhoneValidationException("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new KooPhoneValidationException("body", "could not be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof KooPhoneValidationException) {
                throw e;
            }
            throw new KooPhoneValidationException("body", "cannot be turned into JSON (" + body.getClass().getName()
                                                          + "): use a request object, a Map or a JSON string");
        }
    }

    private static void fill(ApiOperation op, ObjectNode tree, Inputs inputs) {
        for (Binding binding : op.bindings()) {
            JsonNode present = tree.get(binding.field());
            if (present != null && !present.isNull()) {
                continue;
            }
            JsonNode value = switch (binding.input()) {
                case INSTANCE_IDS -> strings(inputs.idsOrSingle());
                case INSTANCE_ID -> text(inputs.singleOrOnlyId());
                case COMMAND -> text(inputs.command());
                case TASK_ID -> text(inputs.taskId());
                case USER_ID -> text(inputs.userId());
                case USER_INSTANCES -> userInstances(inputs);
            };
            if (value != null) {
                tree.set(binding.field(), value);
            }
        }
    }

    private static JsonNode text(String value) {
        return value == null ? null : Json.MAPPER.getNodeFactory().textNode(value);
    }

    private static JsonNode strings(List<String> values) {
        if (values == null) {
            return null;
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode userInstances(Inputs inputs) {
        List<String> ids = inputs.idsOrSingle();
        if (inputs.userId() == null || ids == null) {
            return null;
        }
        ArrayNode pairs = Json.MAPPER.createArrayNode();
        for (String id : ids) {
            pairs.addObject().put("user_id", inputs.userId()).put("instance_id", id);
        }
        return pairs;
    }

    private static KooPhoneRequest toRequest(ApiOperation op, ObjectNode tree) {
        try {
            return Json.reader(op.requestType()).readValue(tree);
        } catch (JsonMappingException e) {
            throw new KooPhoneValidationException(path(e), "has the wrong type: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new KooPhoneValidationException("body", e.getOriginalMessage());
        } catch (IOException e) {
            throw new KooPhoneValidationException("body", e.getMessage()); // a tree has no I/O: not expected
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

    private List<ObjectNode> split(ApiOperation op, ObjectNode canonical) {
        String field = op.idListField();
        JsonNode list = field == null ? null : canonical.get(field);
        if (!(list instanceof ArrayNode ids) || ids.size() <= Math.min(op.maxIds(), chunkSize(op))) {
            return List.of(canonical);
        }
        if (settings.maxBatchSize() == 0) {
            throw new KooPhoneValidationException(field, "must have at most " + op.maxIds() + " entries, had " + ids.size()
                                                         + " (splitting is off: maxBatchSize=0)");
        }
        int size = chunkSize(op);
        List<ObjectNode> chunks = new ArrayList<>((ids.size() + size - 1) / size);
        for (int from = 0; from < ids.size(); from += size) {
            ObjectNode chunk = canonical.deepCopy();
            ArrayNode part = chunk.putArray(field);
            for (int i = from; i < Math.min(from + size, ids.size()); i++) {
                part.add(ids.get(i));
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /** How many ids the bound request's id list holds: what filling a tree would have put there. */
    private static int boundIds(ApiOperation op, Inputs inputs) {
        for (Binding binding : op.bindings()) {
            if (binding.field().equals(op.idListField()) && binding.input() == Input.INSTANCE_IDS) {
                List<String> ids = inputs.idsOrSingle();
                return ids == null ? 0 : ids.size();
            }
        }
        return 0;
    }

    private int chunkSize(ApiOperation op) {
        return settings.maxBatchSize() == 0 ? op.maxIds() : Math.min(settings.maxBatchSize(), op.maxIds());
    }

    private ApiRequest toCall(ApiOperation op, ObjectNode fields, String requestId) {
        String[] parts = TEMPLATES.computeIfAbsent(op.pathTemplate(), RequestAssembler::parts);
        StringBuilder path = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i += 2) {
            JsonNode value = fields.remove(parts[i]);
            String text = value == null || value.isNull() ? settings.pathParams().get(parts[i]) : value.asText();
            if (text == null || text.isBlank()) {
                throw new KooPhoneValidationException(parts[i], "is required");
            }
            path.append(text).append(parts[i + 1]);
        }

        List<Map.Entry<String, String>> query = new ArrayList<>();
        byte[] body = null;
        if (!op.method().hasBody()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    query.add(Map.entry(field.getKey(), field.getValue().asText()));
                }
            }
        } else if (!fields.isEmpty() || op.pathTemplate().indexOf('{') < 0) {
            body = bytes(fields);
        }
        return toCall(op, path.toString(), query, body, requestId);
    }

    /** A path template split at its parameters: literal, name, literal, ..., name, literal. */
    private static String[] parts(String template) {
        List<String> parts = new ArrayList<>();
        Matcher param = PATH_PARAM.matcher(template);
        int literalStart = 0;
        while (param.find()) {
            parts.add(template.substring(literalStart, param.start()));
            parts.add(param.group(1));
            literalStart = param.end();
        }
        parts.add(template.substring(literalStart));
        return parts.toArray(String[]::new);
    }

    private ApiRequest toCall(ApiOperation op, String path, List<Map.Entry<String, String>> query, byte[] body,
                              String requestId) {
        if (op.spec().quirks().contains(WireQuirk.REQUEST_ID_IN_QUERY)) {
            query = new ArrayList<>(query);
            query.add(Map.entry(REQUEST_ID_HEADER, requestId));
        }
        return new ApiRequest(op.name(), op.method().name(), settings.baseUrl(), path.isEmpty() ? op.pathTemplate() : path,
                query, Map.of(REQUEST_ID_HEADER, requestId), body, requestId, op.idempotent(), false, settings.timeout());
    }

    private static byte[] bytes(Object value) {
        try {
            return Json.writer(value.getClass()).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
