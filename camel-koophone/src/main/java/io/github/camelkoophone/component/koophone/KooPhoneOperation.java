package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelkoophone.component.koophone.api.ApiOperation;
import io.github.camelkoophone.component.koophone.api.Binding;
import io.github.camelkoophone.component.koophone.api.HttpMethod;
import io.github.camelkoophone.component.koophone.api.OperationSpec;
import io.github.camelkoophone.component.koophone.api.Input;
import io.github.camelkoophone.component.koophone.api.WireQuirk;
import io.github.camelkoophone.component.koophone.model.*;

import static io.github.camelkoophone.component.koophone.api.HttpMethod.GET;
import static io.github.camelkoophone.component.koophone.api.HttpMethod.POST;
import static io.github.camelkoophone.component.koophone.api.HttpMethod.PUT;
import static io.github.camelkoophone.component.koophone.api.Input.COMMAND;
import static io.github.camelkoophone.component.koophone.api.Input.INSTANCE_ID;
import static io.github.camelkoophone.component.koophone.api.Input.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.api.Input.TASK_ID;
import static io.github.camelkoophone.component.koophone.api.Input.USER_ID;
import static io.github.camelkoophone.component.koophone.api.Input.USER_INSTANCES;

/**
 * The catalogue of KooPhone operations: everything the producer needs to know about an API call, as data.
 * Adding an operation means adding a row here and its model classes; nothing else changes.
 * <p>
 * Columns: URI name, HTTP method, path template ({@code {field}} is taken from the request), request and result
 * types, the id-list field that is split when longer than {@code maxBatchSize} (and the API's maximum), whether
 * the call returns a task id, whether repeating it is safe after it may have reached the server, the IAM action,
 * and which request fields headers and options fill.
 */
public enum KooPhoneOperation implements ApiOperation {

    // @formatter:off
    syncCommand(POST, "/v1/instances/sync-command", CommandRequest.class, SyncCommandResult.class,
            "instance_ids", 100, false, false, "syncInvokeInstance",
            bind(COMMAND, "command"), bind(INSTANCE_IDS, "instance_ids")),
    asyncCommand(POST, "/v1/instances/async-command", CommandRequest.class, TaskResult.class,
            "instance_ids", 100, true, false, "asyncInvokeInstance",
            bind(COMMAND, "command"), bind(INSTANCE_IDS, "instance_ids")),
    getTask(GET, "/v1/instances/tasks/{task_id}", GetTaskRequest.class, GetTaskResult.class,
            null, 0, false, true, "queryExecuteJob",
            bind(TASK_ID, "task_id")),
    setVideoConfig(PUT, "/v1/instances/video-setting", SetVideoConfigRequest.class, NoDataResult.class,
            "instance_ids", 100, false, true, "setVideo",
            bind(INSTANCE_IDS, "instance_ids")),
    batchQueryStatus(POST, "/v1/instances/batch-query-status", InstanceIdsRequest.class, BatchQueryStatusResult.class,
            "instance_ids", 100, false, true, "queryBatchShowInstance",
            bind(INSTANCE_IDS, "instance_ids")),
    batchReset(POST, "/v1/instances/batch-reset", InstanceIdsRequest.class, TaskResult.class,
            "instance_ids", 100, true, false, "batchResetInstance",
            bind(INSTANCE_IDS, "instance_ids")),
    getDeviceToken(POST, "/v1/instances/{instance_id}/auth", InstanceIdRequest.class, DeviceTokenResult.class,
            null, 0, false, true, "executeInstanceAuthToken",
            bind(INSTANCE_ID, "instance_id")),
    assignInstance(POST, "/v1/instances/assign", UserInstancesRequest.class, NoDataResult.class,
            "user_instances", 100, false, false, "instanceAssign",
            bind(USER_INSTANCES, "user_instances")),
    unassignInstance(POST, "/v1/instances/unassign", UserInstancesRequest.class, TaskResult.class,
            "user_instances", 100, true, false, "instanceUnassign",
            bind(USER_INSTANCES, "user_instances")),
    listInstances(GET, "/v1/instances/batch-query", ListInstancesRequest.class, ListInstancesResult.class,
            null, 0, false, true, "queryInstanceBatch", WireQuirk.REQUEST_ID_IN_QUERY,
            bind(INSTANCE_ID, "instance_id")),
    batchRebootInstance(POST, "/v1/instances/reboot", InstanceIdsRequest.class, NoDataResult.class,
            "instance_ids", 100, false, false, "instanceReboot",
            bind(INSTANCE_IDS, "instance_ids")),
    batchShowSku(GET, "/v1/instances/sku", BatchShowSkuRequest.class, BatchShowSkuResult.class,
            null, 0, false, true, "queryInstanceSku"),
    createInstance(POST, "/v1/instances/create", CreateInstanceRequest.class, CreateInstanceResult.class,
            null, 0, false, false, "instanceCreate"),
    deleteInstance(POST, "/v1/instances/delete", DeleteInstanceRequest.class, NoDataResult.class,
            "instanceIdList", 100, false, false, "instanceDelete",
            bind(INSTANCE_IDS, "instanceIdList")),
    batchPrepareInstances(POST, "/v1/instances/prepare", PrepareInstancesRequest.class, PrepareInstancesResult.class,
            "instance_ids", 100, false, false, "instancePrepare",
            bind(USER_ID, "user_id"), bind(INSTANCE_IDS, "instance_ids")),
    showProgress(POST, "/v1/instances/prepare-progress", ShowProgressRequest.class, ShowProgressResult.class,
            null, 0, false, true, "getInstancePrepareProgress",
            bind(USER_ID, "user_id"), bind(INSTANCE_ID, "instance_id")),
    batchBackupInstances(POST, "/v1/instances/backup", InstanceIdsRequest.class, TaskResult.class,
            "instance_ids", 100, true, false, "instanceBackup",
            bind(INSTANCE_IDS, "instance_ids")),
    stopInstancesStreaming(POST, "/v1/instances/streaming/stop", InstanceIdRequest.class, NoDataResult.class,
            null, 0, false, true, "stopInstancesStreaming",
            bind(INSTANCE_ID, "instance_id")),
    releaseInstancesSession(POST, "/v1/instances/session/release", InstanceIdRequest.class, NoDataResult.class,
            null, 0, false, true, "releaseInstancesSession",
            bind(INSTANCE_ID, "instance_id")),
    installApp(POST, "/v1/instances/app/install", InstallAppRequest.class, TaskResult.class,
            "instance_id_list", 100, true, false, "instanceAppInstall",
            bind(INSTANCE_IDS, "instance_id_list"));
    // @formatter:on

    private static final Map<String, KooPhoneOperation> BY_NAME = ApiOperation.index(KooPhoneOperation.class);

    private final OperationSpec spec;
    private final String iamAction;

    KooPhoneOperation(HttpMethod method, String pathTemplate, Class<? extends KooPhoneRequest> requestType,
                      Class<?> resultType, String idListField, int maxIds, boolean returnsTask, boolean idempotent,
                      String iamAction, Binding... bindings) {
        this(method, pathTemplate, requestType, resultType, idListField, maxIds, returnsTask, idempotent, iamAction,
                null, bindings);
    }

    KooPhoneOperation(HttpMethod method, String pathTemplate, Class<? extends KooPhoneRequest> requestType,
                      Class<?> resultType, String idListField, int maxIds, boolean returnsTask, boolean idempotent,
                      String iamAction, WireQuirk quirk, Binding... bindings) {
        this.spec = new OperationSpec(method, pathTemplate, requestType, resultType, idListField, maxIds, returnsTask,
                idempotent, List.of(bindings), quirk == null ? Set.of() : Set.of(quirk));
        this.iamAction = iamAction;
    }

    private static Binding bind(Input input, String field) {
        return new Binding(input, field);
    }

    /** The operation with this URI name, failing with the list of valid names. */
    public static KooPhoneOperation fromName(String name) {
        return ApiOperation.find(BY_NAME, name);
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** The IAM action {@code koophone:cloudphoneResource:<action>} the caller needs. */
    @Override
    public String iamAction() {
        return "koophone:cloudphoneResource:" + iamAction;
    }

    /** {@code Read} or {@code Write}, as the API's permission table classes the action. */
    public String iamAccess() {
        return method() == GET || iamAction.startsWith("get") ? "Read" : "Write";
    }

}
