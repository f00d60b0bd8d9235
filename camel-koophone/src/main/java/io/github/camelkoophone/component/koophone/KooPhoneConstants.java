package io.github.camelkoophone.component.koophone;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the KooPhone component. Headers override endpoint options; a request body overrides both.
 */
public final class KooPhoneConstants {

    @Metadata(description = "The operation to perform, overriding the endpoint's; on task events, the operation that created the task.",
              javaType = "String")
    public static final String OPERATION = "CamelKooPhoneOperation";
    @Metadata(label = "producer", description = "The instance ids: a List<String> or a comma-separated String.",
              javaType = "Object")
    public static final String INSTANCE_IDS = "CamelKooPhoneInstanceIds";
    @Metadata(description = "A single instance id (input of single-instance operations; on events, the instance concerned).",
              javaType = "String")
    public static final String INSTANCE_ID = "CamelKooPhoneInstanceId";
    @Metadata(label = "producer", description = "The adb shell command for syncCommand and asyncCommand.",
              javaType = "String")
    public static final String COMMAND = "CamelKooPhoneCommand";
    @Metadata(label = "producer", description = "The user id for assignInstance, unassignInstance, batchPrepareInstances and showProgress.",
              javaType = "String")
    public static final String USER_ID = "CamelKooPhoneUserId";
    @Metadata(description = "The task id: input of getTask; output of task-returning operations (the first one when the call was split); on task events, the task concerned.",
              javaType = "String")
    public static final String TASK_ID = "CamelKooPhoneTaskId";
    @Metadata(label = "producer", description = "Every task id a task-returning call produced (several when the call was split).",
              javaType = "java.util.List<String>")
    public static final String TASK_IDS = "CamelKooPhoneTaskIds";
    @Metadata(label = "consumer", description = "The job id of a task event.", javaType = "String")
    public static final String JOB_ID = "CamelKooPhoneJobId";
    @Metadata(label = "consumer", description = "The job's final state: SUCCEEDED, FAILED or TIMED_OUT.", javaType = "String")
    public static final String JOB_STATUS = "CamelKooPhoneJobStatus";
    @Metadata(label = "consumer", description = "The instance status reported by the instanceStatus consumer.", javaType = "Integer")
    public static final String INSTANCE_STATUS = "CamelKooPhoneInstanceStatus";
    @Metadata(label = "consumer", description = "The instance status at the previous poll (absent on the first poll).",
              javaType = "Integer")
    public static final String PREVIOUS_STATUS = "CamelKooPhonePreviousStatus";
    @Metadata(label = "producer", description = "The x-request-id sent: taken from this header when set, generated otherwise; the same across retries of one call (the first chunk's when the call was split).",
              javaType = "String")
    public static final String REQUEST_ID = "CamelKooPhoneRequestId";
    @Metadata(label = "producer", description = "The response's error_code (\"0\" on success).", javaType = "String")
    public static final String ERROR_CODE = "CamelKooPhoneErrorCode";
    @Metadata(label = "producer", description = "The response's error_msg.", javaType = "String")
    public static final String ERROR_MESSAGE = "CamelKooPhoneErrorMessage";

    @Metadata(label = "consumer", description = "A stable id of a task event (the task id, a slash and the job id; the task id alone for a whole-task event), the same wherever and however often the event is delivered: for Camel's idempotent consumer downstream.",
              javaType = "String")
    public static final String EVENT_ID = "CamelKooPhoneEventId";

    private KooPhoneConstants() {
    }
}
