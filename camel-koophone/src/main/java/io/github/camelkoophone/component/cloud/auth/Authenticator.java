package io.github.camelkoophone.component.koophone.auth;

import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import io.github.camelkoophone.component.koophone.transport.ApiResponse;

/**
 * Adds credentials to a request: an IAM token or an AK/SK signature. Called on every attempt, so a retry carries
 * a fresh signature date or a refreshed token. Both methods run in the calling thread, as the call itself does; a
 * failure is thrown (an IAM login's wrapped in a {@link java.util.concurrent.CompletionException}).
 */
public interface Authenticator {

    ApiRequest authenticate(ApiRequest request);

    /**
     * The gateway refused the credentials of {@code rejected} ({@code response}, see {@link CredentialRefusal}). True when fresh credentials were obtained
     * and one more attempt is worthwhile; false when there is nothing to refresh.
     */
    default boolean refreshAfterUnauthorized(ApiRequest rejected, ApiResponse response) {
        return false;
    }
}
