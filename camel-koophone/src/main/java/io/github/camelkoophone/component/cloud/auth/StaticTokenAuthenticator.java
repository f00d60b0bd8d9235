package io.github.camelkoophone.component.cloud.auth;

import io.github.camelkoophone.component.cloud.http.ApiRequest;

/** A token the user obtained: sent as is, never refreshed. */
final class StaticTokenAuthenticator implements Authenticator {

    private final String token;

    StaticTokenAuthenticator(String token) {
        this.token = token;
    }

    @Override
    public ApiRequest authenticate(ApiRequest request) {
        return request.withHeader(IamTokenAuthenticator.TOKEN_HEADER, token);
    }

    @Override
    public String toString() {
        return "StaticTokenAuthenticator";
    }
}
