package io.github.camelkoophone.component.koophone.auth;

import java.time.Clock;
import java.util.Arrays;

import io.github.camelkoophone.component.koophone.CloudConfiguration;
import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import io.github.camelkoophone.component.koophone.transport.CallPipeline;

/**
 * Chooses the authentication mode from the configured credentials: a ready {@code authToken} first, then AK/SK,
 * then IAM password login.
 */
public final class Authenticators {

    private static final String MISSING = "no credentials: set authToken, or accessKey and secretKey, "
                                          + "or username, password, domainName and projectName or projectId";

    private Authenticators() {
    }

    /** Fails, naming the missing option, when the credentials are incomplete. */
    public static void validate(CloudConfiguration c) {
        if (present(c.getAuthToken())) {
            return;
        }
        if (present(c.getAccessKey()) || present(c.getSecretKey())) {
            require("accessKey", c.getAccessKey());
            require("secretKey", c.getSecretKey());
            return;
        }
        if (present(c.getUsername()) || present(c.getPassword())) {
            require("username", c.getUsername());
            require("password", c.getPassword());
            require("domainName", c.getDomainName());
            if (!present(c.getProjectName()) && !present(c.getProjectId())) {
                throw new KooPhoneValidationException("projectName", "or projectId is required for IAM password login");
            }
            return;
        }
        throw new KooPhoneValidationException("credentials", MISSING);
    }

    /**
     * Creates the authenticator for these credentials. {@code iamPipeline} performs the IAM login calls.
     */
    public static Authenticator create(CloudConfiguration c, CallPipeline iamPipeline, Clock clock) {
        validate(c);
        if (present(c.getAuthToken())) {
            return new StaticTokenAuthenticator(c.getAuthToken());
        }
        if (present(c.getAccessKey())) {
            return new AkSkAuthenticator(c.getAccessKey(), c.getSecretKey(), emptyToNull(c.getProjectId()),
                    emptyToNull(c.getSecurityToken()), clock);
        }
        IamTokenClient client = new IamTokenClient(iamPipeline, c.getIamEndpoint(), c.getUsername(), c.getPassword(),
                c.getDomainName(), emptyToNull(c.getProjectName()), emptyToNull(c.getProjectId()), c.getRequestTimeout(), clock);
        return new IamTokenAuthenticator(client, clock);
    }

    /** Identifies a credential set, so endpoints with the same credentials share one token cache. */
    public static Object key(CloudConfiguration c) {
        return new CredentialKey(c.getAuthToken(), c.getAccessKey(), c.getSecretKey(), c.getSecurityToken(),
                c.getProjectId(), c.getUsername(), c.getPassword(), c.getDomainName(), c.getProjectName(),
                c.getIamEndpoint());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String emptyToNull(String value) {
        return present(value) ? value : null;
    }

    private static void require(String option, String value) {
        if (!present(value)) {
            throw new KooPhoneValidationException(option, "is required with the credentials given");
        }
    }

    /** Holds secrets, so its toString reveals none of them. */
    private static final class CredentialKey {
        private final String[] values;

        CredentialKey(String... values) {
            this.values = values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CredentialKey other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "CredentialKey@" + Integer.toHexString(System.identityHashCode(this));
        }
    }
}
