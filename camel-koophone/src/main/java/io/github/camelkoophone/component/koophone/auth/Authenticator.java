package io.github.camelkoophone.component.koophone.auth;

import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import io.github.camelkoophone.component.koophone.transport.ApiResponse;

/**
 * Adds credentials to a request: an IAM token or an AK/SK signature. Called on every attempt, so a retry carries
 * a fresh signature date or a refreshed token.
 */
public interface Authenticator {

    CompletableFuture<ApiRequest> authenticate(ApiRequest request);

    /**
     * The service answered 401 ({@code response}) to {@code rejected}. Completes with true when fresh credentials
     * were obtained and one more attempt is worthwhile; false when there is nothing to refresh.
     */
    default CompletableFuture<Boolean> refreshAfterUnauthorized(ApiRequest rejected, ApiResponse response) {
        return CompletableFuture.completedFuture(false);
    }
}
