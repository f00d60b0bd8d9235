package io.github.camelkoophone.component.cloud.call;

/**
 * What one call answered, read by {@link ResponseReader}.
 *
 * @param result       the data as the operation's result type
 * @param errorCode    {@code error_code} of the data, else of the envelope (null when neither has one)
 * @param errorMessage {@code error_msg} of the data, else of the envelope
 * @param taskId       the data's {@link ApiOperation#taskIdField() task id field}, or null
 */
public record Reply(Object result, String errorCode, String errorMessage, String taskId) {
}
