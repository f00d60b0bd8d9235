package io.github.camelkoophone.component.koophone.api;

/**
 * An input a route can give through a header or an endpoint option instead of the body. The catalogue says
 * which request field each input fills for each operation.
 */
public enum Input {
    /** {@code CamelKooPhoneInstanceIds} / {@code instanceIds}: a list of instance ids. */
    INSTANCE_IDS,
    /** {@code CamelKooPhoneInstanceId} / {@code instanceId}: one instance id. */
    INSTANCE_ID,
    /** {@code CamelKooPhoneCommand} / {@code command}. */
    COMMAND,
    /** {@code CamelKooPhoneTaskId} / {@code taskId}. */
    TASK_ID,
    /** {@code CamelKooPhoneUserId} / {@code userId}. */
    USER_ID,
    /** {@code user_instances}: pairs built from the user id and every instance id. */
    USER_INSTANCES
}
