package io.github.camelkoophone.component.cloud.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import io.github.camelkoophone.component.koophone.Libraries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Byte-equality of our Authorization header with the one of Huawei's official signer
 * ({@code com.huaweicloud.sdk.core.auth.AKSKSigner} of {@code huaweicloud-sdk-core}, test scope only).
 * <p>
 * What the official signer (3.1.143) does, and how the generated requests are shaped to stay within what both
 * signers can express:
 * <ul>
 * <li>Signed headers: every header on the request except {@code Content-Type} (any case) and names containing
 * {@code _}; {@code Host} (exact spelling) if present, else the URL authority; {@code X-Sdk-Date} (exact
 * spelling) if present, else the current time. Names are lower-cased; values are taken as they are, NOT trimmed
 * (we trim, as the wire does), so generated values have no outer whitespace.</li>
 * <li>Canonical URI: the {@code java.net.URL} path, split on {@code /} ({@code String.split}: trailing empty
 * segments dropped), each segment encoded and followed by {@code /}. The SDK puts path values into the URL
 * undecoded, so giving it the decoded path is what the SDK itself does. {@code java.net.URL} cannot carry
 * {@code ?} or {@code #} in a path and removes {@code .}/{@code ..} segments, so generated segments avoid those
 * (our signer simply encodes {@code ?} and {@code #}); {@code new URL(spec)} also trims the spec, which
 * would drop a space ending the last segment of a query-less path, so the last segment never ends in one.</li>
 * <li>Canonical query: from the decoded parameter map, keys and values encoded, sorted by encoded key, repeated
 * keys in insertion order. Corner: the SDK also parses the raw URL query, into which it writes keys unencoded,
 * so a key that encoding changes (e.g. {@code "a b"}) appears twice in its canonical query (raw and encoded,
 * see {@link #pinsTheSdkBugThatListsAQueryKeyNeedingEncodingTwice()}). That is an SDK bug, not what a gateway sees on
 * the wire; our keys are plain identifiers, so generated keys use {@code [A-Za-z0-9._~-]} only, where the two
 * agree.</li>
 * <li>Payload hash: SHA-256 of the body string's UTF-8 bytes (empty or null: the empty hash).</li>
 * </ul>
 */
class SdkHmacSha256SignerOfficialEqualityTest {

    private static final long SEED = 20240101L;
    private static final int REQUESTS = 2_000;

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    private static final String[] HOSTS = {"koophone.myhuaweicloud.com", "koophone.cn-north-4.myhuaweicloud.com",
        "127.0.0.1:8089", "localhost:1"};
    /** Path segment characters: reserved, unreserved and non-ASCII; no '/', '?', '#'. */
    private static final String[] SEGMENT_CHARS = units("abcXYZ019-_.~ *+%!$&'(),;=:@\"<>[]{}|^`é中😀");
    private static final String[] KEY_CHARS = units("abcdefghijklmnopqrstuvwxyzABC0123456789_.-~");
    private static final String[] VALUE_CHARS = units("abcXYZ019-_.~ *+%!$&'(),;=:@/?#\"\\<>[]{}|^`é中😀\t");
    private static final String[] JSON_WORDS = {"instance_ids", "a44uhlf7", "phone", "é中😀", "line\\nbreak",
        "quote\\\"", "", " ", "100", "true"};

    /** Makes the official signer's protected helpers reachable for diagnostics. */
    private static final class OfficialProbe extends AKSKSigner {
        String canonicalUri(URL url) {
            return buildCanonicalUri(url);
        }

        String canonicalQuery(String rawQuery, Map<String, List<String>> parameters) {
            return buildCanonicalQueryString(rawQuery, parameters);
        }
    }

    @Test
    void randomRequestsSignIdentically() {
        Random random = new Random(SEED);
        OfficialProbe probe = new OfficialProbe();
        int withQuery = 0;
        int withBody = 0;
        int withOptionalHeaders = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String ak = randomString(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20);
            String sk = randomString(random, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 40);
            String method = METHODS[random.nextInt(METHODS.length)];
            String host = HOSTS[random.nextInt(HOSTS.length)];
            String date = SdkHmacSha256Signer.formatDate(
                    Instant.ofEpochSecond(1_600_000_000L + random.nextInt(400_000_000)));
            String path = randomPath(random);
            List<Map.Entry<String, String>> query = randomQuery(random);
            String body = randomBody(random, method);

            Map<String, String> ours = new LinkedHashMap<>();
            ours.put(randomCase(random, "Host"), host);
            ours.put(randomCase(random, "X-Sdk-Date"), date);
            Map<String, String> optional = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                optional.put(randomCase(random, "x-request-id"), randomString(random, "0123456789abcdef-", 36));
            }
            if (random.nextBoolean()) {
                optional.put(randomCase(random, "X-Project-Id"), randomString(random, "0123456789abcdef", 32));
            }
            if (random.nextInt(4) == 0) {
                optional.put(randomCase(random, "X-Security-Token"),
                        randomString(random, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=",
                                100 + random.nextInt(900)));
            }
            if (random.nextInt(8) == 0) {
                optional.put(randomCase(random, "User-Agent"), "camel-koophone/1.0 (Java " + i + ")");
            }
            ours.putAll(optional);

            HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                    .withEndpoint((host.startsWith("127.") || host.startsWith("localhost") ? "http://" : "https://")
                            + host)
                    .withPath(path)
                    .withMethod(HttpMethod.valueOf(method))
                    .addHeader("Host", host)
                    .addHeader("X-Sdk-Date", date)
                    .addHeaders(optional);
            if (body != null) {
                builder.withBodyAsString(body);
            }
            if (random.nextBoolean()) {
                // The SDK sends Content-Type but never signs it; we are not given it.
                builder.withContentType(random.nextBoolean() ? "application/json" : "application/json;charset=UTF-8");
            }
            Map<String, List<String>> grouped = new LinkedHashMap<>();
            for (Map.Entry<String, String> parameter : query) {
                grouped.computeIfAbsent(parameter.getKey(), k -> new ArrayList<>()).add(parameter.getValue());
            }
            grouped.forEach(builder::addQueryParam);
            HttpRequest request = builder.build();

            String official = AKSKSigner.getInstance()
                    .sign(request, new BasicCredentials().withAk(ak).withSk(sk))
                    .get("Authorization");
            byte[] bodyBytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            String actual = new SdkHmacSha256Signer(ak, sk).authorization(method, path, query, ours, bodyBytes);

            if (!actual.equals(official)) {
                String ourRequest = SdkHmacSha256Signer.canonicalRequest(method, path, query, ours, bodyBytes);
                String[] lines = ourRequest.split("\n", -1);
                assertThat(lines[1]).as("canonical URI of request #%d, seed %d, path %s", i, SEED, path)
                        .isEqualTo(probe.canonicalUri(request.getUrl()));
                assertThat(lines[2]).as("canonical query of request #%d, seed %d, query %s", i, SEED, query)
                        .isEqualTo(probe.canonicalQuery(request.getUrl().getQuery(), request.getQueryParams()));
                assertThat(actual).as("request #%d, seed %d, against %s's AKSKSigner (after upgrading it, check what its signer "
                                      + "changed before suspecting ours):%n%s", i, SEED, Libraries.named(Libraries.HUAWEI_SDK_CORE), ourRequest)
                        .isEqualTo(official);
            }
            withQuery += query.isEmpty() ? 0 : 1;
            withBody += body == null || body.isEmpty() ? 0 : 1;
            withOptionalHeaders += optional.isEmpty() ? 0 : 1;
        }
        // The generator does cover the interesting shapes.
        assertThat(withQuery).isGreaterThan(REQUESTS / 2);
        assertThat(withBody).isGreaterThan(REQUESTS / 4);
        assertThat(withOptionalHeaders).isGreaterThan(REQUESTS / 2);
    }

    /**
     * The whole SDK path ({@code BasicCredentials.syncProcessAuthRequest}, as {@code HcClient} calls it): the request
     * carries what {@code HcClient.buildRequest} puts on it (Content-Type, User-Agent, extra headers such as
     * X-Request-Id) and the credentials add X-Project-Id and X-Security-Token. Everything but Content-Type (and names
     * with {@code _}) is signed: the SDK's choice, pinned here.
     */
    @Test
    @DisplayName("pins huaweicloud-sdk-core's default: the official signer signs every header but Content-Type, and ours signs alike")
    void pinsTheSdkDefaultOfSigningEveryHeaderButContentType() {
        String ak = "QTWAOYTTINDUT2QVKYUC";
        String sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
        String body = "{\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}";
        HttpRequest request = HttpRequest.newBuilder()
                .withEndpoint("https://koophone.myhuaweicloud.com")
                .withPath("/v1/instances/batch-reset")
                .withMethod(HttpMethod.POST)
                .withContentType("application/json")
                .withBodyAsString(body)
                .addHeader("X-Sdk-Date", "20240101T000000Z")
                .addHeader("User-Agent", "huaweicloud-usdk-java/3.0")
                .addHeader("X-Request-Id", "0f5e6d7c-1111-2222-3333-444455556666")
                .addHeader("X_Underscored", "dropped")
                .build();
        BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk)
                .withProjectId("0123456789abcdef0123456789abcdef").withSecurityToken("TOKEN-EXAMPLE");
        String official = credentials.syncProcessAuthRequest(request, null).getHeader("Authorization");

        assertThat(official).as(Libraries.pins(Libraries.HUAWEI_SDK_CORE, "it signs every header but Content-Type and names with _"))
                .contains("SignedHeaders=host;user-agent;x-project-id;x-request-id;x-sdk-date;x-security-token,");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "koophone.myhuaweicloud.com");
        headers.put("X-Sdk-Date", "20240101T000000Z");
        headers.put("User-Agent", "huaweicloud-usdk-java/3.0");
        headers.put("X-Request-Id", "0f5e6d7c-1111-2222-3333-444455556666");
        headers.put("X-Project-Id", "0123456789abcdef0123456789abcdef");
        headers.put("X-Security-Token", "TOKEN-EXAMPLE");
        assertThat(new SdkHmacSha256Signer(ak, sk).authorization("POST", "/v1/instances/batch-reset", List.of(),
                headers, body.getBytes(StandardCharsets.UTF_8))).isEqualTo(official);
    }

    /** The SDK corner described in the class comment; our signer lists each encoded key once. */
    @Test
    @DisplayName("pins a huaweicloud-sdk-core bug: the official signer lists a query key that encoding changes twice; ours once")
    void pinsTheSdkBugThatListsAQueryKeyNeedingEncodingTwice() {
        HttpRequest request = HttpRequest.newBuilder()
                .withEndpoint("https://koophone.myhuaweicloud.com")
                .withPath("/v1/x")
                .addQueryParam("a b", List.of("v"))
                .build();
        assertThat(new OfficialProbe().canonicalQuery(request.getUrl().getQuery(), request.getQueryParams()))
                .as(Libraries.pins(Libraries.HUAWEI_SDK_CORE, "its canonical query lists the key \"a b\" raw and encoded"))
                .isEqualTo("a b=v&a%20b=v");
        String ours = SdkHmacSha256Signer.canonicalRequest("GET", "/v1/x", List.of(Map.entry("a b", "v")),
                Map.of("Host", "h", "X-Sdk-Date", "20240101T000000Z"), null);
        assertThat(ours.split("\n", -1)[2]).isEqualTo("a%20b=v");
    }

    private static String randomPath(Random random) {
        StringBuilder sb = new StringBuilder("/v1");
        int segments = 1 + random.nextInt(5);
        for (int s = 0; s < segments; s++) {
            String segment;
            do {
                segment = random.nextInt(3) == 0
                        ? randomString(random, "abcdefghijklmnopqrstuvwxyz0123456789-", 1 + random.nextInt(32))
                        : randomUnits(random, SEGMENT_CHARS, 1 + random.nextInt(8));
            } while (".".equals(segment) || "..".equals(segment) || s == segments - 1 && segment.endsWith(" "));
            sb.append('/').append(segment);
        }
        if (random.nextInt(10) == 0) {
            sb.append('/');
        }
        return sb.toString();
    }

    private static List<Map.Entry<String, String>> randomQuery(Random random) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            return query;
        }
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String key = !query.isEmpty() && random.nextInt(4) == 0
                    ? query.get(random.nextInt(query.size())).getKey()
                    : randomUnits(random, KEY_CHARS, 1 + random.nextInt(10));
            String value = random.nextInt(5) == 0 ? "" : randomUnits(random, VALUE_CHARS, 1 + random.nextInt(12));
            query.add(Map.entry(key, value));
        }
        return query;
    }

    private static String randomBody(Random random, String method) {
        int pick = random.nextInt(10);
        if ((method.equals("GET") || method.equals("DELETE")) && pick < 7 || pick == 0) {
            return null;
        }
        if (pick == 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder("{");
        int fields = random.nextInt(5);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                sb.append(',');
            }
            sb.append('"').append(JSON_WORDS[random.nextInt(JSON_WORDS.length)]).append(f).append("\":");
            sb.append('"').append(JSON_WORDS[random.nextInt(JSON_WORDS.length)]).append('"');
        }
        return sb.append('}').toString();
    }

    private static String randomCase(Random random, String name) {
        switch (random.nextInt(3)) {
            case 0:
                return name.toLowerCase(Locale.ROOT);
            case 1:
                return name.toUpperCase(Locale.ROOT);
            default:
                return name;
        }
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String randomUnits(Random random, String[] units, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(units[random.nextInt(units.length)]);
        }
        return sb.toString();
    }

    /** Splits into code points, so surrogate pairs stay whole. */
    private static String[] units(String chars) {
        return chars.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }
}
