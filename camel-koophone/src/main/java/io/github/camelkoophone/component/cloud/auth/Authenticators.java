package io.github.camelkoophone.component.cloud.auth;

import java.time.Clock;

import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.call.Attempts;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;

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
    public static void validate(Credentials c) {
        if (present(c.authToken())) {
            return;
        }
        if (present(c.accessKey()) || present(c.secretKey())) {
            require("accessKey", c.accessKey());
            require("secretKey", c.secretKey());
            return;
        }
        if (present(c.username()) || present(c.password())) {
            require("username", c.username());
            require("password", c.password());
            require("domainName", c.domainName());
            if (!present(c.projectName()) && !present(c.projectId())) {
                throw new InvalidInputException("projectName", "or projectId is required for IAM password login");
            }
            return;
        }
        throw new InvalidInputException("credentials", MISSING);
    }

    /**
     * Creates the authenticator for these credentials.
     *
     * @param loginTimeout the deadline of an IAM login attempt, in ms
     * @param iamLogins    sends the IAM login calls, with retries
     * @param service      whose exception a refusal is reported as
     */
    public static Authenticator create(Credentials c, long loginTimeout, Attempts iamLogins, Clock clock, CloudService service) {
        validate(c);
        if (present(c.authToken())) {
            return new StaticTokenAuthenticator(c.authToken());
        }
        if (present(c.accessKey())) {
            return new AkSkAuthenticator(c.accessKey(), c.secretKey(), emptyToNull(c.projectId()),
                    emptyToNull(c.securityToken()), clock, service);
        }
        IamTokenClient client = new IamTokenClient(iamLogins, c.iamEndpoint(), c.username(), c.password(),
                c.domainName(), emptyToNull(c.projectName()), emptyToNull(c.projectId()), loginTimeout,
                clock, service);
        return new IamTokenAuthenticator(client, clock);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String emptyToNull(String value) {
        return present(value) ? value : null;
    }

    private static void require(String option, String value) {
        if (!present(value)) {
            throw new InvalidInputException(option, "is required with the credentials given");
        }
    }
}
