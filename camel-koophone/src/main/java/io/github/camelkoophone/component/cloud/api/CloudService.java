package io.github.camelkoophone.component.cloud.api;

/**
 * What the shared core needs to know about the service a component calls: its name (in messages and thread names)
 * and the exception its failures are reported as, so that {@code koophone:} users catch {@code KooPhoneApiException}
 * while the core knows only {@link HuaweiCloudApiException}.
 *
 * @param name     {@code KooPhone}, {@code CPH}
 * @param failures makes the exception for one failed call
 */
public record CloudService(String name, Failures failures) {

    /** Makes the exception for a failed call of this service. */
    @FunctionalInterface
    public interface Failures {
        HuaweiCloudApiException failure(String operation, int httpStatus, String errorCode, String errorMessage,
                                        String requestId);
    }

    /** A service whose failures are plain {@link HuaweiCloudApiException}s. */
    public static CloudService named(String name) {
        return new CloudService(name, (operation, status, code, message, requestId)
                -> new HuaweiCloudApiException(name, operation, status, code, message, requestId));
    }

    public HuaweiCloudApiException failure(String operation, int httpStatus, String errorCode, String errorMessage,
                                           String requestId) {
        return failures.failure(operation, httpStatus, errorCode, errorMessage, requestId);
    }
}
