package io.github.camelkoophone.component.koophone.auth;

import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import io.github.camelkoophone.component.koophone.transport.ApiResponse;
import io.github.camelkoophone.component.koophone.transport.Interceptor;

/**
 * Authenticates each attempt; after a 401, refreshes the credentials once and repeats the attempt once. A 401
 * means the gateway refused the request before the service saw it, so repeating is safe for any operation.
 */
public final class AuthInterceptor implements Interceptor {

    private final Authenticator authenticator;

    public AuthInterceptor(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        return authenticator.authenticate(request).thenCompose(authenticated -> chain.proceed(authenticated)
                .thenCompose(response -> response.status() != 401
                        ? CompletableFuture.completedFuture(response)
                        : authenticator.refreshAfterUnauthorized(authenticated, response).thenCompose(refreshed -> refreshed
                                ? authenticator.authenticate(request).thenCompose(chain::proceed)
                                : CompletableFuture.completedFuture(response))));
    }
}
