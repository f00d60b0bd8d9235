package io.github.camelkoophone.simulator.iam;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelkoophone.simulator.http.SimRequest;
import io.github.camelkoophone.simulator.state.SimClock;

/**
 * The API gateway's check in front of every KooPhone operation: an {@code X-Auth-Token} issued by
 * {@link IamService} (or a static one), or an AK/SK signature. A token, when present, decides on its
 * own, as the gateway does not fall back to a signature once a token was offered.
 */
public final class GatewayAuthenticator {

    /**
     * How a request authenticated, or why it did not; {@code projectId} is the project the credentials act for
     * (null: the simulator's own).
     */
    public record Outcome(boolean ok, String method, String principal, String reason, String projectId) {
        static Outcome ok(String method, String principal, String projectId) {
            return new Outcome(true, method, principal, null, projectId);
        }

        static Outcome fail(String method, String principal, String reason) {
            return new Outcome(false, method, principal, reason, null);
        }
    }

    private final IamService iam;
    private final SimClock clock;
    private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();

    public GatewayAuthenticator(IamService iam, SimClock clock, Iterable<AccessKey> keys) {
        this.iam = iam;
        this.clock = clock;
        keys.forEach(this::addAccessKey);
    }

    void addAccessKey(AccessKey key) {
        keys.put(key.accessKey(), key);
    }

    public Outcome authenticate(SimRequest request) {
        String token = request.header("x-auth-token");
        if (token != null) {
            IamService.TokenCheck check = iam.check(token.trim());
            return check == IamService.TokenCheck.VALID
                    ? Outcome.ok("token", null, iam.projectOf(token.trim()))
                    : Outcome.fail("token", null, check.reason);
        }
        if (request.header("authorization") != null) {
            SignatureVerifier.Result r = SignatureVerifier.verify(request.method(), request.path(), request.rawQuery(),
                    request::header, request.body(), keys, clock.instant());
            return r.valid() ? Outcome.ok("aksk", r.accessKey(), keys.get(r.accessKey()).projectId())
                    : Outcome.fail("aksk", r.accessKey(), r.reason());
        }
        return Outcome.fail("none", null, "x-auth-token not found");
    }
}
