package io.github.camelkoophone.component.cloud.call;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import java.util.List;
import java.util.Set;

import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.model.RequestModel;

/**
 * One operation of a service, as data: what the shared call path (request plan, assembler, response reader,
 * merge, caller) needs to know. Each service's catalogue is an enum implementing it, one row per operation
 * ({@code KooPhoneOperation}, {@code CphOperation}); adding an operation is a row and its models.
 * <p>
 * Path templates may name {@code {field}}s of the request, or parameters the endpoint supplies for every call
 * (such as {@code {project_id}}, see {@link RequestAssembler.Settings#pathParams()}).
 */
public interface ApiOperation {

    /** The URI name, also the name in logs and exceptions. */
    String name();

    /** The catalogue row. */
    OperationSpec spec();

    default HttpMethod method() {
        return spec().method();
    }

    default String pathTemplate() {
        return spec().pathTemplate();
    }

    default Class<? extends RequestModel> requestType() {
        return spec().requestType();
    }

    default Class<?> resultType() {
        return spec().resultType();
    }

    /** The request field holding the list that is split, or null when the operation takes no list. */
    default String idListField() {
        return spec().idListField();
    }

    /** The API's maximum number of entries in {@link #idListField()}. */
    default int maxIds() {
        return spec().maxIds();
    }

    /** Whether the call starts work that a tasks/jobs consumer can follow. */
    default boolean returnsTask() {
        return spec().returnsTask();
    }

    /** Whether repeating the call is safe when the first attempt may have reached the server. */
    default boolean idempotent() {
        return spec().idempotent();
    }

    /** Which request fields headers and options fill when the body leaves them unset. */
    default List<Binding> bindings() {
        return spec().bindings();
    }

    /** What the call sends beyond its request model. */
    default Set<WireQuirk> quirks() {
        return spec().quirks();
    }

    /** The IAM action the caller's policy must allow, named in the message of a 403; null when unknown. */
    default String iamAction() {
        return null;
    }

    /** The response field naming what {@link #returnsTask()} operations started. */
    default String taskIdField() {
        return "task_id";
    }

    /**
     * Whether an {@code error_code} other than "0" in an HTTP 2xx answer is a failure (KooPhone's envelope). False
     * for services whose 2xx answers carry {@code error_code} as data (a CPH job's own error) and fail with HTTP
     * 4xx/5xx.
     */
    default boolean errorCodeInSuccessIsFailure() {
        return true;
    }

    /** A catalogue's lookup by URI name, failing with the list of valid names. */
    static <E extends Enum<E> & ApiOperation> Map<String, E> index(Class<E> catalogue) {
        return Arrays.stream(catalogue.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));
    }

    static <E extends ApiOperation> E find(Map<String, E> byName, String name) {
        E op = name == null ? null : byName.get(name.trim());
        if (op == null) {
            throw new InvalidInputException("operation",
                    "must be one of " + byName.keySet().stream().sorted().toList() + ", was '" + name + "'");
        }
        return op;
    }
}
