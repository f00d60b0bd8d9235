package io.github.camelkoophone.component.cloud.auth;

import java.time.Instant;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;

/**
 * Adds credentials to a request: an IAM token or an AK/SK signature. Called on every attempt, so a retry carries
 * a fresh signature date or a refreshed token. Both methods run in the calling thread; a failure (an IAM login
 * refused) is thrown.
 */
public interface Authenticator {

    ApiRequest authenticate(ApiRequest request);

    /**
     * The gateway refused the credentials {@code refused} carried ({@code response}, see {@link CredentialRefusal}):
     * the request to send once more with fresh ones, or null when there is nothing to refresh, as OkHttp's
     * {@code Authenticator} answers.
     *
     * @param original the request as it was before credentials were added
     */
    default ApiRequest reauthenticate(ApiRequest original, ApiRequest refused, ApiResponse response) {
        return null;
    }

    /** When the token in use expires, or null when there is none or its expiry is not known. */
    default Instant tokenExpiry() {
        return null;
    }
}
