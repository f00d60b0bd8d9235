package io.github.camelkoophone.component.cloud.auth;

/**
 * One credential set, as configured: a ready token, an AK/SK pair, or an IAM user. Endpoints with equal credentials
 * share one authenticator, so this is the key of the shared token caches. Holds secrets: its text shows none.
 */
public record Credentials(String authToken, String accessKey, String secretKey, String securityToken, String projectId,
                          String username, String password, String domainName, String projectName, String iamEndpoint) {

    @Override
    public String toString() {
        return "Credentials@" + Integer.toHexString(System.identityHashCode(this));
    }
}
