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
    USER_INSTANCES;

    /**
     * Whether filling a field from this input reads {@code other}: a single id falls back to a list of one and a
     * list to its single id, and the pairs take the user id and the ids.
     */
    public boolean reads(Input other) {
        return switch (this) {
            case INSTANCE_IDS, INSTANCE_ID -> other == INSTANCE_IDS || other == INSTANCE_ID;
            case USER_INSTANCES -> other == INSTANCE_IDS || other == INSTANCE_ID || other == USER_ID;
            default -> other == this;
        };
    }
}
