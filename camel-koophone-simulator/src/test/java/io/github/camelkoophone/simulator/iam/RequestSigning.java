package io.github.camelkoophone.simulator.iam;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The client's half of {@link SignatureVerifier} (what a caller computes to sign a request), for tests outside this
 * package such as {@code SimClient}: the verifier keeps these package-private, as only the gateway check uses them.
 */
public final class RequestSigning {

    public static final DateTimeFormatter SDK_DATE = SignatureVerifier.SDK_DATE;

    private RequestSigning() {
    }

    public static String canonicalRequest(String method, String decodedPath, String rawQuery,
                                          List<String> signedHeaders, Function<String, String> headers, byte[] body) {
        return SignatureVerifier.canonicalRequest(method, decodedPath, rawQuery, signedHeaders, headers, body);
    }

    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return SignatureVerifier.stringToSign(sdkDate, canonicalRequest);
    }

    public static String signature(String secretKey, String stringToSign) {
        return SignatureVerifier.signature(secretKey, stringToSign);
    }

    public static String authorizationHeader(String accessKey, List<String> signedHeaders, String signature) {
        return SignatureVerifier.authorizationHeader(accessKey, signedHeaders, signature);
    }
}
