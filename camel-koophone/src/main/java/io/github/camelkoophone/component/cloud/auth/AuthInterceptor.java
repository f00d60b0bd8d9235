package io.github.camelkoophone.component.cloud.auth;

import java.io.IOException;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.http.Interceptor;

/**
 * Authenticates each attempt; after the gateway refused the credentials ({@link CredentialRefusal}), sends the
 * request the authenticator gives back once more. The gateway refused the request before the service saw it, so
 * repeating is safe for any operation. A 401 or 403 from the service itself is its answer about the request and
 * passes through.
 */
public final class AuthInterceptor implements Interceptor {

    private final Authenticator authenticator;

    public AuthInterceptor(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain chain) throws IOException {
        ApiRequest authenticated = authenticator.authenticate(request);
        ApiResponse response = chain.proceed(authenticated);
        if (CredentialRefusal.isCredentialRefusal(response)) {
            ApiRequest again = authenticator.reauthenticate(request, authenticated, response);
            if (again != null) {
                return chain.proceed(again);
            }
        }
        return response;
    }
}
