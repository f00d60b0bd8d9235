package io.github.camelkoophone.component.cloud.call;

import java.util.List;
import java.util.Set;

import io.github.camelkoophone.component.cloud.model.RequestModel;

/**
 * One row of an operations catalogue: everything the shared call path needs to know about an API call.
 *
 * @param method       the HTTP method
 * @param pathTemplate the path; {@code {field}} is taken from the request or the endpoint
 * @param requestType  the request model
 * @param resultType   the result model
 * @param idListField  the request field holding the list that is split, or null when the operation takes no list
 * @param maxIds       the API's maximum number of entries in {@code idListField}
 * @param returnsTask  whether the call starts work that a tasks/jobs consumer can follow
 * @param idempotent   whether repeating the call is safe when the first attempt may have reached the server
 * @param bindings     which request fields headers and options fill when the body leaves them unset
 * @param quirks       what the call sends beyond its request model
 */
public record OperationSpec(HttpMethod method, String pathTemplate, Class<? extends RequestModel> requestType,
                            Class<?> resultType, String idListField, int maxIds, boolean returnsTask, boolean idempotent,
                            List<Binding> bindings, Set<WireQuirk> quirks) {

    public OperationSpec {
        bindings = List.copyOf(bindings);
        quirks = quirks.isEmpty() ? Set.of() : Set.copyOf(quirks);
    }

    public OperationSpec(HttpMethod method, String pathTemplate, Class<? extends RequestModel> requestType,
                         Class<?> resultType, String idListField, int maxIds, boolean returnsTask, boolean idempotent,
                         List<Binding> bindings) {
        this(method, pathTemplate, requestType, resultType, idListField, maxIds, returnsTask, idempotent, bindings, Set.of());
    }
}
