package io.github.camelkoophone.component.cph;

import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.call.Binding;
import io.github.camelkoophone.component.cloud.call.HttpMethod;
import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.OperationSpec;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ListJobsRequest;
import io.github.camelkoophone.component.cph.model.ListJobsResult;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ShowJobRequest;

import static io.github.camelkoophone.component.cloud.call.HttpMethod.GET;
import static io.github.camelkoophone.component.cloud.call.HttpMethod.POST;

/**
 * The catalogue of Cloud Phone Host operations, the second catalogue behind the shared call path: one row per
 * operation, as {@code KooPhoneOperation}'s. Paths are project-scoped: {@code {project_id}} comes from the
 * {@code projectId} option.
 */
public enum CphOperation implements ApiOperation {

    // @formatter:off
    listCloudPhones(GET, "/v1/{project_id}/cloud-phone/phones", ListCloudPhonesRequest.class, ListCloudPhonesResult.class,
            null, 0, false, true,
            number("offset", "offset"), number("limit", "limit"), text("phone_name", null, "phoneName"),
            text("server_id", null, "serverId"), number("status", "status"), number("type", "type")),
    restartCloudPhones(POST, "/v1/{project_id}/cloud-phone/phones/batch-restart", RestartCloudPhonesRequest.class,
            RestartCloudPhonesResult.class, "phones", 100, true, false,
            Binding.idObjects("phones", Input.of(CphConstants.PHONE_IDS, "phoneIds"), Input.of(CphConstants.PHONE_ID, null), "phone_id")),
    listJobs(GET, "/v1/{project_id}/cloud-phone/jobs", ListJobsRequest.class, ListJobsResult.class,
            null, 0, false, true,
            text("request_id", CphConstants.REQUEST_ID, "requestId")),
    showJob(GET, "/v1/{project_id}/cloud-phone/jobs/{job_id}", ShowJobRequest.class, CphJob.class,
            null, 0, false, true,
            text("job_id", CphConstants.JOB_ID, "jobId"));
    // @formatter:on

    /** Every operation, as the component plans them. */
    public static final List<CphOperation> CATALOGUE = List.of(values());

    private static final Map<String, CphOperation> BY_NAME = ApiOperation.index(CphOperation.class);

    private final OperationSpec spec;

    CphOperation(HttpMethod method, String pathTemplate, Class<? extends RequestModel> requestType, Class<?> resultType,
                 String idListField, int maxIds, boolean returnsTask, boolean idempotent, Binding... bindings) {
        this.spec = new OperationSpec(method, pathTemplate, requestType, resultType, idListField, maxIds, returnsTask,
                idempotent, List.of(bindings));
    }

    private static Binding text(String field, String header, String option) {
        return Binding.text(field, Input.of(header, option));
    }

    private static Binding number(String field, String option) {
        return Binding.number(field, Input.of(null, option));
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
