package io.github.camelkoophone.component.cloud.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IAM password login: one cached token per credential set, refreshed shortly before it expires or once after a
 * 401, with concurrent callers sharing one in-flight login. A login IAM rejected is remembered for a minute, so a
 * wrong password fails fast instead of hammering IAM from every exchange and poll.
 */
final class IamTokenAuthenticator implements Authenticator {

    static final String TOKEN_HEADER = "X-Auth-Token";
    static final Duration REJECTION_MEMORY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(IamTokenAuthenticator.class);

    private final IamTokenClient client;
    private final Clock clock;
    private volatile IamToken current;
    private CompletableFuture<IamToken> inflight;
    private HuaweiCloudApiException rejection;
    private Instant rejectedAt;

    IamTokenAuthenticator(IamTokenClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public ApiRequest authenticate(ApiRequest request) {
        IamToken token = current;
        if (token == null || token.needsRefresh(clock.instant())) {
            // wait in this thread: continuing on the thread that logged in would run every waiter's call on it
            token = await(login());
        }
        return request.withHeader(TOKEN_HEADER, token.value());
    }

    /** Logs in again, unless another caller already replaced the refused token, and sends the request with it. */
    @Override
    public ApiRequest reauthenticate(ApiRequest original, ApiRequest refused, ApiResponse response) {
        String used = refused.headers().get(TOKEN_HEADER);
        synchronized (this) {
            IamToken token = current;
            if (token == null || token.value().equals(used)) {
                current = null;
            }
        }
        LOG.debug("The gateway refused the IAM token (HTTP 401): logging in again unless another caller did");
        return authenticate(original);
    }

    /** The login's token; its failure thrown as it was raised. */
    private static IamToken await(CompletableFuture<IamToken> login) {
        try {
            return login.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private CompletableFuture<IamToken> login() {
        CompletableFuture<IamToken> result;
        synchronized (this) {
            // a caller that saw no fresh token may arrive after another's login has already finished
            IamToken token = current;
            if (token != null && !token.needsRefresh(clock.instant())) {
                return CompletableFuture.completedFuture(token);
            }
            if (inflight != null) {
                return inflight;
            }
            if (rejection != null && clock.instant().isBefore(rejectedAt.plus(REJECTION_MEMORY))) {
                return CompletableFuture.failedFuture(rejection);
            }
            result = new CompletableFuture<>();
            inflight = result;
        }
        client.fetch().whenComplete((token, failure) -> {
            synchronized (this) {
                inflight = null;
                if (token != null) {
                    current = token;
                    rejection = null;
                } else if (OperationCaller.unwrap(failure) instanceof HuaweiCloudApiException e && isRejection(e.getHttpStatus())) {
                    rejection = e;
                    rejectedAt = clock.instant();
                }
            }
            if (token != null) {
                LOG.debug("IAM token obtained, valid until {}", token.expiresAt());
                result.complete(token);
            } else {
                result.completeExceptionally(OperationCaller.unwrap(failure));
            }
        });
        return result;
    }

    /**
     * Whether IAM refused these credentials (bad password, user, domain or project), as opposed to being busy: 429
     * (throttled, after the retries) and 408 are transient and must not block logins for a minute.
     */
    static boolean isRejection(int httpStatus) {
        return httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
    }


    @Override
    public Instant tokenExpiry() {
        IamToken token = current;
        return token != null ? token.expiresAt() : null;
    }

    @Override
    public String toString() {
        return "IamTokenAuthenticator";
    }
}
