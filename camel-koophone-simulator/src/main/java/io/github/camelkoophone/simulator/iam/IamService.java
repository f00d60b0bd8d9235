package io.github.camelkoophone.simulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.http.Call;
import io.github.camelkoophone.simulator.http.OperationTable;
import io.github.camelkoophone.simulator.http.SimResponse;
import io.github.camelkoophone.simulator.json.SimJson;
import io.github.camelkoophone.simulator.state.SimClock;
import io.github.camelkoophone.simulator.state.SimulatorSettings;
import io.github.camelkoophone.simulator.state.Times;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The IAM side: password login at {@code POST /v3/auth/tokens}, and the validity of the tokens it
 * issued (expiry by the simulated clock, revocation on demand). Static tokens are always valid and
 * never revoked, which keeps simple tests independent of the login flow.
 */
public final class IamService {

    /** Why a token was refused, as the gateway words it. */
    enum TokenCheck {
        VALID(null),
        UNKNOWN("token is unknown"),
        EXPIRED("the token has expired"),
        REVOKED("the token has been revoked"),
        UNSCOPED("the token is not scoped to a project");

        final String reason;

        TokenCheck(String reason) {
            this.reason = reason;
        }
    }

    private record IssuedToken(SimUser user, boolean projectScoped, Instant expiresAt, boolean revoked) {
        IssuedToken revoke() {
            return new IssuedToken(user, projectScoped, expiresAt, true);
        }
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SimClock clock;
    private final SimulatorSettings settings;
    private final List<SimUser> users = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> staticTokens = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> issued = new ConcurrentHashMap<>();
    // Tokens must not repeat across resets, so they do not come from the seeded source.
    private final SecureRandom random = new SecureRandom();

    public IamService(SimClock clock, SimulatorSettings settings, List<SimUser> users, List<String> staticTokens) {
        this.clock = clock;
        this.settings = settings;
        this.users.addAll(users);
        staticTokens.forEach(t -> this.staticTokens.put(t, Boolean.TRUE));
    }

    /** Invalidates every issued token (not the static ones); returns how many were live. */
    public int revokeAll() {
        int[] n = {0};
        issued.replaceAll((token, t) -> {
            if (!t.revoked()) {
                n[0]++;
            }
            return t.revoke();
        });
        return n[0];
    }

    /** Invalidates one issued token; returns whether it was known. */
    public boolean revoke(String token) {
        return issued.computeIfPresent(token, (k, t) -> t.revoke()) != null;
    }

    /** Logs a user in directly, as {@code POST /v3/auth/tokens} would, and returns the token. */
    public String issueToken(SimUser user) {
        return issue(user, true);
    }

    /** Number of tokens issued so far (revoked and expired included). */
    public int issuedCount() {
        return issued.size();
    }

    public void addUser(SimUser user) {
        users.add(user);
    }

    public void addStaticToken(String token) {
        staticTokens.put(token, Boolean.TRUE);
    }

    public List<SimUser> users() {
        return List.copyOf(users);
    }

    TokenCheck check(String token) {
        if (staticTokens.containsKey(token)) {
            return TokenCheck.VALID;
        }
        IssuedToken t = issued.get(token);
        if (t == null) {
            return TokenCheck.UNKNOWN;
        }
        if (t.revoked()) {
            return TokenCheck.REVOKED;
        }
        if (!clock.instant().isBefore(t.expiresAt())) {
            return TokenCheck.EXPIRED;
        }
        return t.projectScoped() ? TokenCheck.VALID : TokenCheck.UNSCOPED;
    }

    /** The project an issued token is scoped to; null for a static token, which acts for the simulator's project. */
    String projectOf(String token) {
        IssuedToken t = issued.get(token);
        return t == null ? null : t.user().projectId();
    }

    /** Forgets issued tokens; used by a full reset that asks for it. */
    void clearIssued() {
        issued.clear();
    }

    private String issue(SimUser user, boolean projectScoped) {
        StringBuilder sb = new StringBuilder("MIIsim");
        for (int i = 0; i < 96; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        String token = sb.toString();
        issued.put(token, new IssuedToken(user, projectScoped, clock.instant().plus(settings.tokenLifetime()), false));
        return token;
    }

    public void register(OperationTable table) {
        table.addUnauthenticated("iamToken", "POST", "/v3/auth/tokens", this::login);
    }

    /** {@code POST /v3/auth/tokens} with the password method. */
    SimResponse login(Call call) {
        JsonNode auth = call.body().path("auth");
        JsonNode identity = auth.path("identity");
        boolean passwordMethod = false;
        for (JsonNode m : identity.path("methods")) {
            passwordMethod |= "password".equals(m.asText());
        }
        JsonNode user = identity.path("password").path("user");
        if (!passwordMethod || !user.isObject()) {
            return iamError(400, "Bad Request", "The request body must use the password method.");
        }
        String name = user.path("name").asText(null);
        String password = user.path("password").asText(null);
        JsonNode domain = user.path("domain");
        Optional<SimUser> match = users.stream()
                .filter(u -> u.name().equals(name) && u.password().equals(password))
                .filter(u -> u.domain().equals(domain.path("name").asText(null))
                        || u.domain().equals(domain.path("id").asText(null)))
                .findFirst();
        if (match.isEmpty()) {
            return iamError(401, "Unauthorized", "The username or password is wrong.");
        }
        SimUser u = match.get();
        JsonNode project = auth.path("scope").path("project");
        boolean scoped = project.isObject();
        if (scoped && !(u.projectName().equals(project.path("name").asText(null))
                || u.projectId().equals(project.path("id").asText(null)))) {
            return iamError(401, "Unauthorized", "The user has no access to the requested project.");
        }
        String token = issue(u, scoped);
        Instant now = clock.instant();
        ObjectNode root = SimJson.object();
        ObjectNode t = root.putObject("token");
        t.put("expires_at", Times.IAM.format(now.plus(settings.tokenLifetime())));
        t.put("issued_at", Times.IAM.format(now));
        t.putArray("methods").add("password");
        ObjectNode domainNode = SimJson.object().put("id", domainId(u)).put("name", u.domain());
        if (scoped) {
            ObjectNode p = t.putObject("project");
            p.put("id", u.projectId());
            p.put("name", u.projectName());
            p.set("domain", domainNode.deepCopy());
        }
        ObjectNode userNode = t.putObject("user");
        userNode.put("id", SignatureVerifier.sha256Hex(u.name().getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        userNode.put("name", u.name());
        userNode.set("domain", domainNode);
        ArrayNode roles = t.putArray("roles");
        roles.addObject().put("id", "0").put("name", "op_gated_koophone");
        t.putArray("catalog");
        return new SimResponse(201, root).header("X-Subject-Token", token);
    }

    private static String domainId(SimUser u) {
        return SignatureVerifier.sha256Hex(u.domain().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static SimResponse iamError(int status, String title, String message) {
        ObjectNode root = SimJson.object();
        ObjectNode error = root.putObject("error");
        error.put("code", status);
        error.put("title", title);
        error.put("message", message);
        return new SimResponse(status, root);
    }
}
