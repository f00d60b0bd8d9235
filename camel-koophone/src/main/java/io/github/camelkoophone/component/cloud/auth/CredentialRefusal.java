package io.github.camelkoophone.component.cloud.auth;

import io.github.camelkoophone.component.cloud.call.ResponseReader;
import io.github.camelkoophone.component.cloud.http.ApiResponse;

/**
 * Tells a refusal of the credentials from a refusal of the request. Only the API gateway's authentication answers
 * are about the token or signature: a 401 with an {@code APIGW.*} code, or a 401 whose body is no service envelope
 * at all. A 401 with a service code ({@code KOOPHONE.API.1001}: the instance is not the caller's;
 * {@code KOOPHONE.API.1003}: the tenant may not call this API; CPH's {@code CPS.*}) answers the request, and a 403
 * means an IAM policy lacks the action: neither is helped by new credentials.
 * <p>
 * One service code is the exception: {@code KOOPHONE.API.6001}, whose meaning the 2025 reference's table gives
 * (through noisy OCR) as the token being expired or invalid. Treating it as a refusal of the credentials costs one
 * IAM login; not doing so would leave a revoked token in use until it expires, up to a day later.
 */
public final class CredentialRefusal {

    static final String TOKEN_EXPIRED_OR_INVALID = "KOOPHONE.API.6001";

    private CredentialRefusal() {
    }

    /** Whether this response refuses the credentials the request carried. */
    public static boolean isCredentialRefusal(ApiResponse response) {
        if (response.status() != 401) {
            return false;
        }
        String code = ResponseReader.envelopeErrorCode(response);
        return code == null || code.startsWith("APIGW.") || TOKEN_EXPIRED_OR_INVALID.equals(code);
    }
}
