package io.github.camelkoophone.component.koophone.auth;

import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import io.github.camelkoophone.component.koophone.transport.ApiResponse;
import io.github.camelkoophone.component.koophone.transport.Interceptor;

/**
 * Authenticates each attempt; after the gateway refused the credentials ({@link CredentialRefusal}), refreshes them
 * once and repeats the attempt once. The gateway refused the request before the service saw it, so repeating is
 * safe for any operation. A 401 or 403 from the service itself is its answer about the request and passes through.
 */
public final class AuthInterceptor implements Interceptor {

    private final Authenticator authenticator;

    public AuthInterceptor(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        ApiRequest authenticated = authenticator.authenticate(request);
        return chain.proceed(authenticated).thenCompose(response -> CredentialRefusal.isCredentialRefusal(response)
                                                                   && authenticator.refreshAfterUnauthorized(authenticated, response)
                ? chain.proceed(authenticator.authenticate(request))
                : CompletableFuture.completedFuture(response));
    }
}
