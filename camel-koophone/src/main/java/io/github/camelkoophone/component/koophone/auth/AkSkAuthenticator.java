package io.github.camelkoophone.component.koophone.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.camelkoophone.component.koophone.KooPhoneApiException;
import io.github.camelkoophone.component.koophone.api.ResponseReader;
import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import io.github.camelkoophone.component.koophone.transport.ApiResponse;

/**
 * Signs every attempt with SDK-HMAC-SHA256. Nothing to refresh: a 401 is final, because the gateway locks an
 * access key after five failures and repeating a bad signature only gets there faster. For the same reason a 401
 * is remembered for a minute: the exchanges that follow fail at once with it instead of each spending one of the
 * key's five attempts.
 */
final class AkSkAuthenticator implements Authenticator {

    static final String PROJECT_HEADER = "X-Project-Id";
    static final String SECURITY_TOKEN_HEADER = "X-Security-Token";
    static final String AUTHORIZATION_HEADER = "Authorization";

    private final SdkHmacSha256Signer signer;
    private final String projectId;
    private final String securityToken;
    private final Clock clock;
    private volatile KooPhoneApiException rejection;
    private volatile Instant rejectedAt;
    private volatile SigningDate date;

    AkSkAuthenticator(String accessKey, String secretKey, String projectId, String securityToken, Clock clock) {
        this.signer = new SdkHmacSha256Signer(accessKey, secretKey);
        this.projectId = projectId;
        this.securityToken = securityToken;
        this.clock = clock;
    }

    @Override
    public ApiRequest authenticate(ApiRequest request) {
        KooPhoneApiException refused = rejection;
        if (refused != null && clock.instant().isBefore(rejectedAt.plus(IamTokenAuthenticator.REJECTION_MEMORY))) {
            throw new KooPhoneApiException(request.name(), refused.getHttpStatus(),
                    refused.getErrorCode(), refused.getErrorMessage() + " (this access key was refused at " + rejectedAt
                                            + "; nothing is sent with it for a minute, so the gateway does not lock it)",
                    request.requestId());
        }
        Map<String, String> added = new HashMap<>(8);
        added.put(SdkHmacSha256Signer.DATE_HEADER, signingDate());
        if (projectId != null) {
            added.put(PROJECT_HEADER, projectId);
        }
        if (securityToken != null) {
            added.put(SECURITY_TOKEN_HEADER, securityToken);
        }
        // sign every header we send except Content-Type, which the client may rewrite (as the official SDK does)
        Map<String, String> signed = new HashMap<>(added);
        signed.put("host", request.authority());
        request.headers().forEach((name, value) -> {
            if (!"content-type".equalsIgnoreCase(name)) {
                signed.put(name, value);
            }
        });
        added.put(AUTHORIZATION_HEADER,
                signer.authorization(request.method(), request.path(), request.query(), signed, request.body()));
        return request.withHeaders(added);
    }

    /**
     * X-Sdk-Date for now. It has whole seconds, so it is formatted once a second rather than per request: the
     * formatter cost more than the rest of the header handling in profiles.
     */
    String signingDate() {
        Instant now = clock.instant();
        SigningDate cached = date;
        if (cached == null || cached.epochSecond() != now.getEpochSecond()) {
            cached = new SigningDate(now.getEpochSecond(), SdkHmacSha256Signer.formatDate(now));
            date = cached;
        }
        return cached.text();
    }

    private record SigningDate(long epochSecond, String text) {
    }

    @Override
    public boolean refreshAfterUnauthorized(ApiRequest rejected, ApiResponse response) {
        try {
            ResponseReader.read(rejected.name(), response, rejected.requestId());
        } catch (KooPhoneApiException refused) {
            rejection = refused;
            rejectedAt = clock.instant();
        }
        return false;
    }

    @Override
    public String toString() {
        return "AkSkAuthenticator";
    }
}
