package io.github.camelkoophone.component.cloud.auth;

import java.io.IOException;

import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.cloud.call.ResponseReader;
import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.http.Interceptor;

/**
 * Authenticates each attempt; after the gateway refused the credentials ({@link CredentialRefusal}), sends the
 * request the authenticator gives back once more. The gateway refused the request before the service saw it, so
 * repeating is safe for any operation. A 401 or 403 from the service itself is its answer about the request and
 * passes through. Each outcome is told to the credentials' {@link CredentialState}.
 */
public final class AuthInterceptor implements Interceptor {

    private final Authenticator authenticator;
    private final CredentialState state;

    public AuthInterceptor(Authenticator authenticator, CredentialState state) {
        this.authenticator = authenticator;
        this.state = state;
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain chain) throws IOException {
        try {
            ApiRequest authenticated = authenticator.authenticate(request);
            ApiResponse response = chain.proceed(authenticated);
            if (CredentialRefusal.isCredentialRefusal(response)) {
                ApiRequest again = authenticator.reauthenticate(request, authenticated, response);
                if (again != null) {
                    response = chain.proceed(again);
                }
            }
            tell(response);
            return response;
        } catch (HuaweiCloudApiException e) {
            // authenticators throw only when IAM answered a login
            if (IamTokenAuthenticator.isRejection(e.getHttpStatus())) {
                state.refused("IAM refused the login: " + e.getMessage());
            }
            throw e;
        }
    }

    private void tell(ApiResponse response) {
        if (CredentialRefusal.isCredentialRefusal(response)) {
            String code = ResponseReader.envelopeErrorCode(response);
            state.refused("HTTP 401" + (code != null ? " " + code : "") + " from the gateway");
        } else if (response.status() < 500 && response.status() != 429) {
            state.accepted();
        }
    }
}
