package io.github.camelkoophone.simulator.iam;

import java.util.Objects;

/**
 * An AK/SK pair accepted for SDK-HMAC-SHA256 signatures.
 *
 * @param accessKey     the AK, sent in clear in the Authorization header
 * @param secretKey     the SK, used only to compute signatures
 * @param securityToken when not null, requests must also carry this value in {@code X-Security-Token}
 *                      (temporary credentials)
 * @param projectId     the project whose instances the key may act on; null for the simulator's own project
 */
public record AccessKey(String accessKey, String secretKey, String securityToken, String projectId) {

    public AccessKey {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    public AccessKey(String accessKey, String secretKey, String securityToken) {
        this(accessKey, secretKey, securityToken, null);
    }

    public AccessKey(String accessKey, String secretKey) {
        this(accessKey, secretKey, null, null);
    }

    /** This key acting for another project (another tenant's key, for instance). */
    public AccessKey inProject(String project) {
        return new AccessKey(accessKey, secretKey, securityToken, project);
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKey + (securityToken != null ? ", temporary" : "")
               + (projectId != null ? ", project " + projectId : "") + "]";
    }
}
