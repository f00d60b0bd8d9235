package io.github.camelkoophone.component.cph;

import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ListJobsRequest;
import io.github.camelkoophone.component.cph.model.ListJobsResult;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ShowJobRequest;
import io.github.camelkoophone.component.koophone.api.ApiOperation;
import io.github.camelkoophone.component.koophone.api.HttpMethod;
import io.github.camelkoophone.component.koophone.api.OperationSpec;
import io.github.camelkoophone.component.koophone.model.KooPhoneRequest;

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

    private static final Map<String, CphOperation> BY_NAME = ApiOperation.index(CphOperation.class);

    private final OperationSpec spec;

    CphOperation(HttpMethod method, String pathTemplate, Class<? extends KooPhoneRequest> requestType, Class<?> resultType,
                 String idListField, int maxIds, boolean returnsTask, boolean idempotent) {
        // inputs from headers and options are filled by CphProducer, so no bindings
        this.spec = new OperationSpec(method, pathTemplate, requestType, resultType, idListField, maxIds, returnsTask,
                idempotent, List.of());
    }

    /** The operation with this URI name, failing with the list of valid names. */
    public static CphOperation fromName(String name) {
        return ApiOperation.find(BY_NAME, name);
    }

    @Override
    public OperationSpec spec() {
        return spec;
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
}
