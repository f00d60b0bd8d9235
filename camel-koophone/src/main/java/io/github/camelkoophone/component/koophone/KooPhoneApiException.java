package io.github.camelkoophone.component.koophone;

import org.apache.camel.spi.HttpResponseAware;

/**
 * The KooPhone API (or the IAM service or API gateway in front of it) answered with an error: an HTTP status of
 * 400 or more, or an {@code error_code} other than {@code "0"} even with HTTP 200. Thrown after retries.
 */
public class KooPhoneApiException extends RuntimeException implements HttpResponseAware {

    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final String operation;

    public KooPhoneApiException(String operation, int httpStatus, String errorCode, String errorMessage, String requestId) {
        super(describe(operation, httpStatus, errorCode, errorMessage, requestId));
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.operation = operation;
    }

    private static String describe(String operation, int httpStatus, String errorCode, String errorMessage, String requestId) {
        return "KooPhone " + operation + " failed: HTTP " + httpStatus
               + ", error_code=" + errorCode
               + ", error_msg=" + errorMessage
               + ", x-request-id=" + requestId;
    }

    /** Lets Camel's health checks report the HTTP status of a failing consumer. */
    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        // fixed at construction
    }

    /** The API's error code, reported by health checks beside the HTTP status. */
    @Override
    public String getHttpResponseStatus() {
        return errorCode;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        // fixed at construction
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getOperation() {
        return operation;
    }
}
