package io.github.camelkoophone.component.koophone;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.camelkoophone.component.cloud.call.Binding;
import io.github.camelkoophone.component.cloud.call.HttpMethod;
import io.github.camelkoophone.component.cloud.call.Json;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operation catalogue as data, checked against the contract and against the request models it names. */
class KooPhoneOperationCatalogueTest {

    /** The contract's producer operations (contract.md, "URI"): name, method and path. */
    private static final Map<String, String> CONTRACT = Map.ofEntries(
            entry("syncCommand", "POST /v1/instances/sync-command"),
            entry("asyncCommand", "POST /v1/instances/async-command"),
            entry("getTask", "GET /v1/instances/tasks/{task_id}"),
            entry("setVideoConfig", "PUT /v1/instances/video-setting"),
            entry("batchQueryStatus", "POST /v1/instances/batch-query-status"),
            entry("batchReset", "POST /v1/instances/batch-reset"),
            entry("getDeviceToken", "POST /v1/instances/{instance_id}/auth"),
            entry("assignInstance", "POST /v1/instances/assign"),
            entry("unassignInstance", "POST /v1/instances/unassign"),
            entry("listInstances", "GET /v1/instances/batch-query"),
            entry("batchRebootInstance", "POST /v1/instances/reboot"),
            entry("batchShowSku", "GET /v1/instances/sku"),
            entry("createInstance", "POST /v1/instances/create"),
            entry("deleteInstance", "POST /v1/instances/delete"),
            entry("batchPrepareInstances", "POST /v1/instances/prepare"),
            entry("showProgress", "POST /v1/instances/prepare-progress"),
            entry("batchBackupInstances", "POST /v1/instances/backup"),
            entry("stopInstancesStreaming", "POST /v1/instances/streaming/stop"),
            entry("releaseInstancesSession", "POST /v1/instances/session/release"),
            entry("installApp", "POST /v1/instances/app/install"));

    /** The API's IAM actions, koophone:cloudphoneResource:&lt;action&gt;. */
    private static final Map<String, String> IAM_ACTIONS = Map.ofEntries(
            entry("syncCommand", "syncInvokeInstance"),
            entry("asyncCommand", "asyncInvokeInstance"),
            entry("getTask", "queryExecuteJob"),
            entry("setVideoConfig", "setVideo"),
            entry("batchQueryStatus", "queryBatchShowInstance"),
            entry("batchReset", "batchResetInstance"),
            entry("getDeviceToken", "executeInstanceAuthToken"),
            entry("assignInstance", "instanceAssign"),
            entry("unassignInstance", "instanceUnassign"),
            entry("listInstances", "queryInstanceBatch"),
            entry("batchRebootInstance", "instanceReboot"),
            entry("batchShowSku", "queryInstanceSku"),
            entry("createInstance", "instanceCreate"),
            entry("deleteInstance", "instanceDelete"),
            entry("batchPrepareInstances", "instancePrepare"),
            entry("showProgress", "getInstancePrepareProgress"),
            entry("batchBackupInstances", "instanceBackup"),
            entry("stopInstancesStreaming", "stopInstancesStreaming"),
            entry("releaseInstancesSession", "releaseInstancesSession"),
            entry("installApp", "instanceAppInstall"));

    private static final Set<String> READ_ONLY = Set.of("getTask", "listInstances", "batchShowSku", "showProgress");
    private static final Set<String> TASK_RETURNING
            = Set.of("asyncCommand", "batchReset", "unassignInstance", "batchBackupInstances", "installApp");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    @Test
    void namesAreExactlyTheContractsTwentyOperations() {
        assertThat(Arrays.stream(KooPhoneOperation.values()).map(Enum::name))
                .hasSize(20)
                .containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
    }

    @ParameterizedTest
    @EnumSource(KooPhoneOperation.class)
    void methodAndPathAreTheContracts(KooPhoneOperation op) {
        assertThat(op.pathTemplate()).startsWith("/v1/instances/");
        assertThat(op.method() + " " + op.pathTemplate()).isEqualTo(CONTRACT.get(op.name()));
    }

    @ParameterizedTest
    @EnumSource(KooPhoneOperation.class)
    void everyPathParameterIsAFieldOfTheRequest(KooPhoneOperation op) {
        assertThat(pathParameters(op)).allSatisfy(param -> assertThat(properties(op.requestType())).containsKey(param));
    }

    @ParameterizedTest
    @EnumSource(KooPhoneOperation.class)
    void exactlyTheTaskReturningOperationsReturnATaskResult(KooPhoneOperation op) {
        assertThat(op.returnsTask()).isEqualTo(TASK_RETURNING.contains(op.name()));
        assertThat(op.resultType() == TaskResult.class).isEqualTo(op.returnsTask());
    }

    @ParameterizedTest
    @EnumSource(KooPhoneOperation.class)
    void idListFieldIsAListFieldOfTheRequestWithTheApisMaximum(KooPhoneOperation op) {
        if (op.idListField() == null) {
            assertThat(op.maxIds()).isZero();
            return;
        }
        assertThat(properties(op.requestType())).containsKey(op.idListField());
        assertThat(properties(op.requestType()).get(op.idListField()).getRawPrimaryType()).isAssignableTo(List.class);
        assertThat(op.maxIds()).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(value = KooPhoneOperation.class, names = { "getTask", "listInstances", "batchShowSku" })
    void getOperationsHaveOnlyFieldsAQueryStringCanCarry(KooPhoneOperation op) {
        assertThat(op.method()).isEqualTo(HttpMethod.GET);
        assertThat(properties(op.requestType()).values())
                .allSatisfy(property -> assertThat(isScalar(property.getRawPrimaryType()))
                        .as("%s.%s is %s", op.requestType().getSimpleName(), property.getName(), property.getRawPrimaryType())
                        .isTrue());
    }

    @Test
    void theGetOperationsAreTheContracts() {
        assertThat(Arrays.stream(KooPhoneOperation.values()).filter(op -> op.method() == HttpMethod.GET).map(Enum::name))
                .containsExactlyInAnyOrder("getTask", "listInstances", "batchShowSku");
    }

    @ParameterizedTest
    @EnumSource(KooPhoneOperation.class)
    void bindingsFillFieldsOfTheRequestOfTheRightShape(KooPhoneOperation op) {
        Map<String, BeanPropertyDefinition> properties = properties(op.requestType());
        for (Binding binding : op.bindings()) {
            assertThat(properties).as("%s binds %s", op, binding).containsKey(binding.field());
            Class<?> type = properties.get(binding.field()).getRawPrimaryType();
            boolean list = binding.shape() == Binding.Shape.IDS || binding.shape() == Binding.Shape.ID_OBJECTS;
            assertThat(list ? List.class.isAssignableFrom(type) : type == String.class)
                    .as("%s binds %s to a %s", op, binding.input(), type.getSimpleName()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(KooPhoneOperation.class)
    void fromNameFindsEveryOperation(KooPhoneOperation op) {
        assertThat(KooPhoneOperation.fromName(op.name())).isSameAs(op);
        assertThat(KooPhoneOperation.fromName(" " + op.name() + " ")).isSameAs(op);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "rebootAll", "SyncCommand", "tasks", "instanceStatus" })
    void fromNameRejectsUnknownNamesListingTheValidOnes(String name) {
        assertThatThrownBy(() -> KooPhoneOperation.fromName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operation")
                .hasMessageContaining("'" + name + "'")
                .message().contains(CONTRACT.keySet());
    }

    @ParameterizedTest
    @EnumSource(KooPhoneOperation.class)
    void iamActionAndAccessAreTheApis(KooPhoneOperation op) {
        assertThat(op.iamAction()).isEqualTo("koophone:cloudphoneResource:" + IAM_ACTIONS.get(op.name()));
        assertThat(op.iamAccess()).isEqualTo(READ_ONLY.contains(op.name()) ? "Read" : "Write");
    }

    private static List<String> pathParameters(KooPhoneOperation op) {
        Matcher matcher = PATH_PARAM.matcher(op.pathTemplate());
        return matcher.results().map(result -> result.group(1)).toList();
    }

    /** The request's JSON properties as the component's own mapper serialises them. */
    private static Map<String, BeanPropertyDefinition> properties(Class<?> type) {
        BeanDescription description = Json.MAPPER.getSerializationConfig().introspect(Json.MAPPER.constructType(type));
        return description.findProperties().stream()
                .collect(Collectors.toMap(BeanPropertyDefinition::getName, Function.identity()));
    }

    private static boolean isScalar(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type == String.class || type == Boolean.class
               || Number.class.isAssignableFrom(type);
    }
}
