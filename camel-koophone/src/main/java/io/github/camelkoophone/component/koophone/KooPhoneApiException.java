package io.github.camelkoophone.component.koophone;

import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;

/**
 * The KooPhone API (or the IAM service or API gateway in front of it) answered with an error: an HTTP status of
 * 400 or more, or an {@code error_code} other than {@code "0"} even with HTTP 200. Thrown after retries.
 */
public class KooPhoneApiException extends HuaweiCloudApiException {

    private static final String NAME = "KooPhone";
    /** The service as the shared core knows it: failures of koophone: calls are KooPhoneApiExceptions. */
    static final CloudService SERVICE = new CloudService(NAME, KooPhoneApiException::new);

    public KooPhoneApiException(String operation, int httpStatus, String errorCode, String errorMessage, String requestId) {
        super(NAME, operation, httpStatus, errorCode, errorMessage, requestId);
    }
}
