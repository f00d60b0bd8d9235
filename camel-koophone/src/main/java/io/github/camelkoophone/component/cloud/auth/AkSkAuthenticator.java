package io.github.camelkoophone.component.cloud.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.cloud.call.ResponseReader;
import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;

/**
 * Signs every attempt with SDK-HMAC-SHA256. Nothing to refresh: the gateway's refusal of a signature is final,
 * because it locks an access key after five failures and repeating a bad signature only gets there faster. For the
 * same reason such a refusal is remembered for a minute: the exchanges that follow fail at once with it instead of each spending one of the
 * key's five attempts.
 */
final class AkSkAuthenticator implements Authenticator {

    static final String PROJECT_HEADER = "X-Project-Id";
    static final String SECURITY_TOKEN_HEADER = "X-Security-Token";
    static final String AUTHORIZATION_HEADER = "Authorization";

    private final SdkHmacSha256Signer signer;
    /** X-Project-Id and X-Security-Token where set, as name, value, ...: the same on every request. */
    private final String[] fixedHeaders;
    private final String[] fixedSignedNames;
    private final Clock clock;
    private final CloudService service;
    private final ResponseReader reader;
    /** The gateway's last refusal of this key: one value, so a reader sees the refusal with its time or nothing. */
    private volatile Refusal refusal;
    private volatile SigningDate date;

    AkSkAuthenticator(String accessKey, String secretKey, String projectId, String securityToken, Clock clock,
                      CloudService service) {
        this.signer = new SdkHmacSha256Signer(accessKey, secretKey);
        List<String> fixed = new ArrayList<>(4);
        if (projectId != null) {
            fixed.addAll(List.of(PROJECT_HEADER, projectId));
        }
        if (securityToken != null) {
            fixed.addAll(List.of(SECURITY_TOKEN_HEADER, securityToken));
        }
        this.fixedHeaders = fixed.toArray(String[]::new);
        this.fixedSignedNames = new String[fixedHeaders.length / 2];
        for (int i = 0; i < fixedSignedNames.length; i++) {
            fixedSignedNames[i] = fixedHeaders[2 * i].toLowerCase(Locale.ROOT);
        }
        this.clock = clock;
        this.service = service;
        this.reader = new ResponseReader(service);
    }

    @Override
    public ApiRequest authenticate(ApiRequest request) {
        Refusal refused = refusal;
        if (refused != null && clock.instant().isBefore(refused.at().plus(IamTokenAuthenticator.REJECTION_MEMORY))) {
            HuaweiCloudApiException e = refused.exception();
            throw service.failure(request.name(), e.getHttpStatus(), e.getErrorCode(), e.getErrorMessage()
                    + " (this access key was refused at " + refused.at()
                    + "; nothing is sent with it for a minute, so the gateway does not lock it)", request.requestId());
        }
        String date = signingDate();
        // sign every header we send except Content-Type, which the client may rewrite (as the official SDK does);
        // the names are given lower case, as the signer writes them, so it copies none
        Map<String, String> signed = new HashMap<>(16);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (!"content-type".equalsIgnoreCase(header.getKey())) {
                signed.put(header.getKey(), header.getValue());
            }
        }
        signed.put("host", request.authority());
        signed.put("x-sdk-date", date);
        for (int i = 0; i < fixedHeaders.length; i += 2) {
            signed.put(fixedSignedNames[i / 2], fixedHeaders[i + 1]);
        }
        String authorization = signer.authorization(request.method(), request.path(), request.query(), signed, request.body());
        String[] added = Arrays.copyOf(fixedHeaders, fixedHeaders.length + 4);
        added[fixedHeaders.length] = SdkHmacSha256Signer.DATE_HEADER;
        added[fixedHeaders.length + 1] = date;
        added[fixedHeaders.length + 2] = AUTHORIZATION_HEADER;
        added[fixedHeaders.length + 3] = authorization;
        return request.withHeaders(added);
    }

    /** X-Sdk-Date for now: whole seconds, so formatted once a second rather than for every request. */
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

    private record Refusal(HuaweiCloudApiException exception, Instant at) {
    }

    /** Remembers the refusal; a signature is not refreshed, so nothing is sent again. */
    @Override
    public ApiRequest reauthenticate(ApiRequest original, ApiRequest refused, ApiResponse response) {
        refusal = new Refusal(reader.error(refused.name(), response, refused.requestId()), clock.instant());
        return null;
    }

    @Override
    public String toString() {
        return "AkSkAuthenticator";
    }
}
