package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.call.Binding;
import io.github.camelkoophone.component.cloud.call.HttpMethod;
import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.OperationSpec;
import io.github.camelkoophone.component.cloud.call.WireQuirk;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.koophone.model.*;

import static io.github.camelkoophone.component.cloud.call.HttpMethod.GET;
import static io.github.camelkoophone.component.cloud.call.HttpMethod.POST;
import static io.github.camelkoophone.component.cloud.call.HttpMethod.PUT;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.COMMAND;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.USER_ID;

/**
 * The catalogue of KooPhone operations: everything a call needs to know about an API operation, as data. Adding an
 * operation means adding a row here and its model classes; nothing else changes.
 * <p>
 * Columns: URI name, HTTP method, path template ({@code {field}} is taken from the request), request and result
 * types, the id-list field that is split when longer than {@code maxBatchSize} (and the API's maximum), whether
 * the call returns a task id, whether repeating it is safe after it may have reached the server, the IAM action,
 * what the call sends beyond its model (if anything), and the request fields headers and options fill.
 */
public enum KooPhoneOperation implements ApiOperation {

    // @formatter:off
    syncCommand(POST, "/v1/instances/sync-command", CommandRequest.class, SyncCommandResult.class,
            "instance_ids", 100, false, false, "syncInvokeInstance",
            text("command", COMMAND, "command"), ids("instance_ids")),
    asyncCommand(POST, "/v1/instances/async-command", CommandRequest.class, TaskResult.class,
            "instance_ids", 100, true, false, "asyncInvokeInstance",
            text("command", COMMAND, "command"), ids("instance_ids")),
    getTask(GET, "/v1/instances/tasks/{task_id}", GetTaskRequest.class, GetTaskResult.class,
            null, 0, false, true, "queryExecuteJob",
            text("task_id", TASK_ID, "taskId")),
    setVideoConfig(PUT, "/v1/instances/video-setting", SetVideoConfigRequest.class, NoDataResult.class,
            "instance_ids", 100, false, true, "setVideo",
            ids("instance_ids")),
    batchQueryStatus(POST, "/v1/instances/batch-query-status", InstanceIdsRequest.class, BatchQueryStatusResult.class,
            "instance_ids", 100, false, true, "queryBatchShowInstance",
            ids("instance_ids")),
    batchReset(POST, "/v1/instances/batch-reset", InstanceIdsRequest.class, TaskResult.class,
            "instance_ids", 100, true, false, "batchResetInstance",
            ids("instance_ids")),
    getDeviceToken(POST, "/v1/instances/{instance_id}/auth", InstanceIdRequest.class, DeviceTokenResult.class,
            null, 0, false, true, "executeInstanceAuthToken",
            oneId("instance_id")),
    assignInstance(POST, "/v1/instances/assign", UserInstancesRequest.class, NoDataResult.class,
            "user_instances", 100, false, false, "instanceAssign",
            userInstances("user_instances")),
    unassignInstance(POST, "/v1/instances/unassign", UserInstancesRequest.class, TaskResult.class,
            "user_instances", 100, true, false, "instanceUnassign",
            userInstances("user_instances")),
    listInstances(GET, "/v1/instances/batch-query", ListInstancesRequest.class, ListInstancesResult.class,
            null, 0, false, true, "queryInstanceBatch", WireQuirk.REQUEST_ID_IN_QUERY,
            oneId("instance_id")),
    batchRebootInstance(POST, "/v1/instances/reboot", InstanceIdsRequest.class, NoDataResult.class,
            "instance_ids", 100, false, false, "instanceReboot",
            ids("instance_ids")),
    batchShowSku(GET, "/v1/instances/sku", BatchShowSkuRequest.class, BatchShowSkuResult.class,
            null, 0, false, true, "queryInstanceSku"),
    createInstance(POST, "/v1/instances/create", CreateInstanceRequest.class, CreateInstanceResult.class,
            null, 0, false, false, "instanceCreate"),
    deleteInstance(POST, "/v1/instances/delete", DeleteInstanceRequest.class, NoDataResult.class,
            "instanceIdList", 100, false, false, "instanceDelete",
            ids("instanceIdList")),
    batchPrepareInstances(POST, "/v1/instances/prepare", PrepareInstancesRequest.class, PrepareInstancesResult.class,
            "instance_ids", 100, false, false, "instancePrepare",
            text("user_id", USER_ID, "userId"), ids("instance_ids")),
    showProgress(POST, "/v1/instances/prepare-progress", ShowProgressRequest.class, ShowProgressResult.class,
            null, 0, false, true, "getInstancePrepareProgress",
            text("user_id", USER_ID, "userId"), oneId("instance_id")),
    batchBackupInstances(POST, "/v1/instances/backup", InstanceIdsRequest.class, TaskResult.class,
            "instance_ids", 100, true, false, "instanceBackup",
            ids("instance_ids")),
    stopInstancesStreaming(POST, "/v1/instances/streaming/stop", InstanceIdRequest.class, NoDataResult.class,
            null, 0, false, true, "stopInstancesStreaming",
            oneId("instance_id")),
    releaseInstancesSession(POST, "/v1/instances/session/release", InstanceIdRequest.class, NoDataResult.class,
            null, 0, false, true, "releaseInstancesSession",
            oneId("instance_id")),
    installApp(POST, "/v1/instances/app/install", InstallAppRequest.class, TaskResult.class,
            "instance_id_list", 100, true, false, "instanceAppInstall",
            ids("instance_id_list"));
    // @formatter:on

    private static final Map<String, KooPhoneOperation> BY_NAME = ApiOperation.index(KooPhoneOperation.class);

    /** Every operation, as the component plans them. */
    public static final List<KooPhoneOperation> CATALOGUE = List.of(values());

    private final OperationSpec spec;
    private final String iamAction;

    KooPhoneOperation(HttpMethod method, String pathTemplate, Class<? extends RequestModel> requestType,
                      Class<?> resultType, String idListField, int maxIds, boolean returnsTask, boolean idempotent,
                      String iamAction, Binding... bindings) {
        this(method, pathTemplate, requestType, resultType, idListField, maxIds, returnsTask, idempotent, iamAction,
                null, bindings);
    }

    KooPhoneOperation(HttpMethod method, String pathTemplate, Class<? extends RequestModel> requestType,
                      Class<?> resultType, String idListField, int maxIds, boolean returnsTask, boolean idempotent,
                      String iamAction, WireQuirk quirk, Binding... bindings) {
        this.spec = new OperationSpec(method, pathTemplate, requestType, resultType, idListField, maxIds, returnsTask,
                idempotent, List.of(bindings), quirk == null ? Set.of() : Set.of(quirk));
        this.iamAction = iamAction;
    }

    // the rows' bindings: each input is a header and the endpoint option of the same meaning

    private static Binding text(String field, String header, String option) {
        return Binding.text(field, Input.of(header, option));
    }

    /** A list of instance ids: the instanceIds header or option, else the single instance id. */
    private static Binding ids(String field) {
        return Binding.ids(field, Input.of(INSTANCE_IDS, "instanceIds"), Input.of(INSTANCE_ID, "instanceId"));
    }

    /** One instance id: the instanceId header or option, else a list of exactly one. */
    private static Binding oneId(String field) {
        return Binding.oneId(field, Input.of(INSTANCE_ID, "instanceId"), Input.of(INSTANCE_IDS, "instanceIds"));
    }

    /** {@code [{user_id, instance_id}, ...]}: the user id paired with every instance id. */
    private static Binding userInstances(String field) {
        return Binding.pairs(field, Input.of(INSTANCE_IDS, "instanceIds"), Input.of(INSTANCE_ID, "instanceId"),
                "instance_id", Input.of(USER_ID, "userId"), "user_id");
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
