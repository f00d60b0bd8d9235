package io.github.camelkoophone.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelkoophone.component.cloud.auth.SdkHmacSha256Signer;

/**
 * What {@link StubServer} checks of every request's credentials, so a variant that skips work is refused instead of
 * measured: with {@code X-Auth-Token}, the benchmark's token byte for byte; with {@code Authorization}, the
 * SDK-HMAC-SHA256 header for the benchmark's access key and an {@code X-Sdk-Date}. Those checks compare bytes in
 * place and allocate nothing. The signature itself is recomputed with the component's signer for a random one in
 * {@link #verifyEvery} signed requests (every one while {@code verifyEvery} is 1), from what arrived: method, path,
 * query, the headers it names (which must include host, x-sdk-date, x-project-id and, when sent, x-request-id), the
 * body, and an X-Sdk-Date within 15 minutes of now, as the gateway requires. Each request id is fresh and signed, so
 * no two canonical requests are alike and a cache of verified ones would never hit: sampling keeps the check off the
 * stub's critical path. Every check and verification runs on the stub's one thread.
 */
final class StubAuth {

    private static final byte[] TOKEN_HEADER = "x-auth-token:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTHORIZATION_HEADER = "authorization:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATE_HEADER = "x-sdk-date:".getBytes(StandardCharsets.US_ASCII);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Headers a signature must cover when the request carries them (the component's and the SDK's signers do). */
    private static final List<String> MUST_SIGN = List.of("host", "x-sdk-date", "x-project-id", "x-request-id");

    private final byte[] token = Target.TOKEN.getBytes(StandardCharsets.US_ASCII);
    private final byte[] signedBy = (SdkHmacSha256Signer.ALGORITHM + " Access=" + Target.ACCESS_KEY)
            .getBytes(StandardCharsets.US_ASCII);
    private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer(Target.ACCESS_KEY, Target.SECRET_KEY);

    /** Verify a random one in this many signed requests (1: all); set between cells, read by the stub's thread. */
    private volatile int verifyEvery = 1;
    /** xorshift64 state: the sample is drawn without allocating and cannot fall into step with a client's pattern. */
    private long random = 0x9E3779B97F4A7C15L;
    private volatile long tokens;
    private volatile long signatures;
    private volatile long verified;
    private volatile long refused;
    private volatile String firstRefusal;

    void verifyEvery(int every) {
        this.verifyEvery = Math.max(1, every);
    }

    int verifyEvery() {
        return verifyEvery;
    }

    /** Requests checked with a token, with a signature, signatures recomputed, requests refused. */
    long tokens() {
        return tokens;
    }

    long signatures() {
        return signatures;
    }

    long verified() {
        return verified;
    }

    long refused() {
        return refused;
    }

    /** Why the first refused request was refused, with its request line; null when none was. */
    String firstRefusal() {
        return firstRefusal;
    }

    /**
     * Checks one request: its head is {@code b[start, headEnd)} (without the blank line), its body
     * {@code b[bodyFrom, bodyTo)}, chunked or not. Returns null when it may be answered, else why not (also counted).
     */
    String check(byte[] b, int start, int headEnd, int bodyFrom, int bodyTo, boolean chunked) {
        int tokenAt = valueAt(b, start, headEnd, TOKEN_HEADER);
        String problem;
        if (tokenAt >= 0) {
            tokens++;
            problem = sameBytes(b, tokenAt, lineEnd(b, tokenAt, headEnd), token) ? null : "X-Auth-Token is not the benchmark's token";
        } else {
            int authorizationAt = valueAt(b, start, headEnd, AUTHORIZATION_HEADER);
            if (authorizationAt < 0) {
                problem = "neither X-Auth-Token nor Authorization";
            } else {
                signatures++;
                problem = checkSigned(b, start, headEnd, bodyFrom, bodyTo, chunked, authorizationAt);
            }
        }
        if (problem != null) {
            refused++;
            if (firstRefusal == null) {
                firstRefusal = problem + " (" + new String(b, start, lineEnd(b, start, headEnd) - start, StandardCharsets.US_ASCII) + ")";
            }
        }
        return problem;
    }

    private String checkSigned(byte[] b, int start, int headEnd, int bodyFrom, int bodyTo, boolean chunked, int authorizationAt) {
        int end = lineEnd(b, authorizationAt, headEnd);
        if (!StubServer.startsWith(b, authorizationAt, end, signedBy) || authorizationAt + signedBy.length >= end
            || b[authorizationAt + signedBy.length] != ',') {
            return "Authorization is not SDK-HMAC-SHA256 for the benchmark's access key";
        }
        if (valueAt(b, start, headEnd, DATE_HEADER) < 0) {
            return "no X-Sdk-Date";
        }
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        int every = verifyEvery;
        if (every > 1 && Long.remainderUnsigned(random, every) != 0) {
            return null;
        }
        verified++;
        return verify(new String(b, start, headEnd - start, StandardCharsets.ISO_8859_1),
                body(b, bodyFrom, bodyTo, chunked));
    }

    /** Recomputes the signature of a request from its head and body; null when it matches. */
    private String verify(String head, byte[] body) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim()) != null) {
                return "header " + lines[i].substring(0, colon) + " sent twice";
            }
        }
        String authorization = headers.get("authorization");
        String signedHeaders = part(authorization, "SignedHeaders");
        String signature = part(authorization, "Signature");
        if (signedHeaders == null || signature == null) {
            return "Authorization without SignedHeaders or Signature";
        }
        List<String> names = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        for (String name : MUST_SIGN) {
            if (headers.containsKey(name) && !names.contains(name)) {
                return "the signature does not cover " + name;
            }
            if (!headers.containsKey(name) && !"x-request-id".equals(name)) {
                return "no " + name + " header";
            }
        }
        Map<String, String> signed = new HashMap<>();
        for (String name : names) {
            String value = headers.get(name);
            if (value == null) {
                return "signed header " + name + " was not sent";
            }
            signed.put(name, value);
        }
        try {
            Instant date = Instant.from(SDK_DATE.parse(headers.get("x-sdk-date")));
            if (Duration.between(date, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
                return "X-Sdk-Date " + headers.get("x-sdk-date") + " is more than 15 minutes from now";
            }
        } catch (DateTimeParseException e) {
            return "X-Sdk-Date " + headers.get("x-sdk-date") + " is malformed";
        }
        String target = requestLine.length > 1 ? requestLine[1] : "/";
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.add(new AbstractMap.SimpleEntry<>(decode(eq < 0 ? pair : pair.substring(0, eq)),
                        decode(eq < 0 ? "" : pair.substring(eq + 1))));
            }
        }
        String expected = part(signer.authorization(requestLine[0], decode(path), query, signed, body), "Signature");
        return signature.equalsIgnoreCase(expected) ? null : "the signature does not match the request";
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code name=value} out of an Authorization header's comma-separated parts. */
    private static String part(String authorization, String name) {
        for (String part : authorization.split(",")) {
            String p = part.trim();
            int space = p.indexOf(' ');
            if (space > 0 && p.startsWith(SdkHmacSha256Signer.ALGORITHM)) {
                p = p.substring(space + 1).trim();
            }
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static byte[] body(byte[] b, int from, int to, boolean chunked) {
        if (!chunked) {
            return java.util.Arrays.copyOfRange(b, from, to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = from;
        while (i < to) {
            int end = lineEnd(b, i, to);
            int size = Integer.parseInt(new String(b, i, end - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(b, end + 2, size);
            i = end + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** Where the value of the header {@code lowerName} (with its colon) starts, spaces skipped; -1 when absent. */
    private static int valueAt(byte[] b, int start, int headEnd, byte[] lowerName) {
        int line = lineEnd(b, start, headEnd) + 2;
        while (line < headEnd) {
            int end = lineEnd(b, line, headEnd);
            if (StubServer.startsWithIgnoreCase(b, line, end, lowerName)) {
                int value = line + lowerName.length;
                while (value < end && b[value] == ' ') {
                    value++;
                }
                return value;
            }
            line = end + 2;
        }
        return -1;
    }

    private static int lineEnd(byte[] b, int from, int limit) {
        return StubServer.indexOfCrlf(b, from, limit);
    }

    private static boolean sameBytes(byte[] b, int from, int to, byte[] expected) {
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        return to - from == expected.length && StubServer.startsWith(b, from, to, expected);
    }
}
