package io.github.camelkoophone.simulator;

import java.util.Objects;

/**
 * An AK/SK pair accepted for SDK-HMAC-SHA256 signatures.
 *
 * @param accessKey     the AK, sent in clear in the Authorization header
 * @param secretKey     the SK, used only to compute signatures
 * @param securityToken when not null, requests must also carry this value in {@code X-Security-Token}
 *                      (temporary credentials)
 */
public record AccessKey(String accessKey, String secretKey, String securityToken) {

    public AccessKey {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    public AccessKey(String accessKey, String secretKey) {
        this(accessKey, secretKey, null);
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKey + (securityToken != null ? ", temporary" : "") + "]";
    }
}
