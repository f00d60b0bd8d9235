package io.github.camelkoophone.component.cph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ListJobsRequest;
import io.github.camelkoophone.component.cph.model.ListJobsResult;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ShowJobRequest;
import io.github.camelkoophone.component.koophone.api.ApiOperation;
import io.github.camelkoophone.component.koophone.api.Binding;
import io.github.camelkoophone.component.koophone.api.HttpMethod;
import io.github.camelkoophone.component.koophone.model.KooPhoneRequest;
import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;

import static io.github.camelkoophone.component.koophone.api.HttpMethod.GET;
import static io.github.camelkoophone.component.koophone.api.HttpMethod.POST;

/**
 * The catalogue of Cloud Phone Host operations, the second catalogue behind the shared call path. Paths are
 * project-scoped: {@code {project_id}} comes from the {@code projectId} option. Inputs from headers and options
 * are filled by {@link CphProducer} (so {@link #bindings()} is empty).
 */
public enum CphOperation implements ApiOperation {

    // @formatter:off
    listCloudPhones(GET, "/v1/{project_id}/cloud-phone/phones", ListCloudPhonesRequest.class, ListCloudPhonesResult.class,
            null, 0, false, true),
    restartCloudPhones(POST, "/v1/{project_id}/cloud-phone/phones/batch-restart", RestartCloudPhonesRequest.class,
            RestartCloudPhonesResult.class, "phones", 100, true, false),
    listJobs(GET, "/v1/{project_id}/cloud-phone/jobs", ListJobsRequest.class, ListJobsResult.class,
            null, 0, false, true),
    showJob(GET, "/v1/{project_id}/cloud-phone/jobs/{job_id}", ShowJobRequest.class, CphJob.class,
            null, 0, false, true);
    // @formatter:on

    private static final Map<String, CphOperation> BY_NAME
            = Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final HttpMethod method;
    private final String pathTemplate;
    private final Class<? extends KooPhoneRequest> requestType;
    private final Class<?> resultType;
    private final String idListField;
    private final int maxIds;
    private final boolean returnsTask;
    private final boolean idempotent;

    CphOperation(HttpMethod method, String pathTemplate, Class<? extends KooPhoneRequest> requestType, Class<?> resultType,
                 String idListField, int maxIds, boolean returnsTask, boolean idempotent) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.requestType = requestType;
        this.resultType = resultType;
        this.idListField = idListField;
        this.maxIds = maxIds;
        this.returnsTask = returnsTask;
        this.idempotent = idempotent;
    }

    /** The operation with this URI name, failing with the list of valid names. */
    public static CphOperation fromName(String name) {
        CphOperation op = name == null ? null : BY_NAME.get(name.trim());
        if (op == null) {
            throw new KooPhoneValidationException("operation",
                    "must be one of " + BY_NAME.keySet().stream().sorted().toList() + ", was '" + name + "'");
        }
        return op;
    }

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String pathTemplate() {
        return pathTemplate;
    }

    @Override
    public Class<? extends KooPhoneRequest> requestType() {
        return requestType;
    }

    @Override
    public Class<?> resultType() {
        return resultType;
    }

    @Override
    public String idListField() {
        return idListField;
    }

    @Override
    public int maxIds() {
        return maxIds;
    }

    @Override
    public boolean returnsTask() {
        return returnsTask;
    }

    @Override
    public boolean idempotent() {
        return idempotent;
    }

    /** CPH groups the jobs a call started under its {@code request_id}. */
    @Override
    public String taskIdField() {
        return "request_id";
    }

    /** CPH fails with HTTP 4xx/5xx; a 2xx answer's error_code is a job's own (showJob of a failed job). */
    @Override
    public boolean errorCodeInSuccessIsFailure() {
        return false;
    }

    @Override
    public List<Binding> bindings() {
        return List.of();
    }
}
