package io.github.camelkoophone.component.koophone.api;

import java.util.List;

import io.github.camelkoophone.component.koophone.model.KooPhoneRequest;

/**
 * What the shared call path (RequestAssembler, ResponseReader, ResultAssembler, OperationCaller) needs to know about
 * one API operation, as data. Each service's catalogue implements it: {@code KooPhoneOperation} for koophone:,
 * {@code CphOperation} for cph:.
 * <p>
 * Path templates may name {@code {field}}s of the request, or parameters the endpoint supplies for every call
 * (such as {@code {project_id}}, see {@link RequestAssembler.Settings#pathParams()}).
 */
public interface ApiOperation {

    /** The URI name, also the name in logs and exceptions. */
    String name();

    HttpMethod method();

    String pathTemplate();

    Class<? extends KooPhoneRequest> requestType();

    Class<?> resultType();

    /** The request field holding the list that is split, or null when the operation takes no list. */
    String idListField();

    /** The API's maximum number of entries in {@link #idListField()}. */
    int maxIds();

    /** Whether the call starts work that a tasks/jobs consumer can follow. */
    boolean returnsTask();

    /** Whether repeating the call is safe when the first attempt may have reached the server. */
    boolean idempotent();

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

    /** Which request fields headers and options fill; empty when the caller fills the body itself. */
    List<Binding> bindings();
}
