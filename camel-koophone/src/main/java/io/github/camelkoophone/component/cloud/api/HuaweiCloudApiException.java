package io.github.camelkoophone.component.cloud.api;

import org.apache.camel.spi.HttpResponseAware;

/**
 * A Huawei Cloud service (or the IAM service or API gateway in front of it) answered with an error: an HTTP status
 * of 400 or more, or, for services that say so in a 2xx answer, an {@code error_code} other than {@code "0"}. Thrown
 * after retries. The message names the service, the operation, the status, the code, the message and the
 * {@code x-request-id}.
 */
public class HuaweiCloudApiException extends RuntimeException implements HttpResponseAware {

    private final String service;
    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final String operation;

    public HuaweiCloudApiException(String service, String operation, int httpStatus, String errorCode,
                                   String errorMessage, String requestId) {
        super(service + " " + operation + " failed: HTTP " + httpStatus + ", error_code=" + errorCode + ", error_msg="
              + errorMessage + ", x-request-id=" + requestId);
        this.service = service;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.operation = operation;
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

    /** The service that answered, as its component names it ({@code KooPhone}, {@code CPH}). */
    public String getService() {
        return service;
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
