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
        ApiRequest authenticated = authenticator.authenticate(request);
        return chain.proceed(authenticated).thenCompose(response -> response.status() == 401
                                                                   && authenticator.refreshAfterUnauthorized(authenticated, response)
                ? chain.proceed(authenticator.authenticate(request))
                : CompletableFuture.completedFuture(response));
    }
}
