package io.github.camelkoophone.simulator.iam;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks API-gateway {@code SDK-HMAC-SHA256} signatures (see signing.md). Written from the algorithm
 * description with JDK crypto only, so it is an independent check of what clients compute.
 */
public final class SignatureVerifier {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SignatureVerifier() {
    }

    /** The three parts of an {@code Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...} header. */
    record Authorization(String accessKey, List<String> signedHeaders, String signature) {

        static Optional<Authorization> parse(String header) {
            if (header == null || !header.startsWith(ALGORITHM + " ")) {
                return Optional.empty();
            }
            String access = null;
            String signed = null;
            String signature = null;
            for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = p.substring(0, eq).trim();
                String value = p.substring(eq + 1).trim();
                switch (key) {
                    case "Access" -> access = value;
                    case "SignedHeaders" -> signed = value;
                    case "Signature" -> signature = value;
                    default -> { }
                }
            }
            if (access == null || signed == null || signature == null || access.isEmpty() || signed.isEmpty()) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            for (String n : signed.split(";")) {
                names.add(n.trim().toLowerCase(Locale.ROOT));
            }
            return Optional.of(new Authorization(access, List.copyOf(names), signature));
        }
    }

    /** Outcome of a verification; {@code reason} is what the gateway would say after "Incorrect IAM authentication information: ". */
    record Result(boolean valid, String accessKey, String reason) {
        static Result ok(String ak) {
            return new Result(true, ak, null);
        }

        static Result fail(String ak, String reason) {
            return new Result(false, ak, reason);
        }
    }

    /**
     * Verifies a request.
     *
     * @param headers lookup by lower-case header name; returns null when absent
     */
    static Result verify(String method, String decodedPath, String rawQuery, Function<String, String> headers,
                         byte[] body, Map<String, AccessKey> keys, Instant now) {
        Optional<Authorization> parsed = Authorization.parse(headers.apply("authorization"));
        if (parsed.isEmpty()) {
            return Result.fail(null, "authorization header is not a valid " + ALGORITHM + " header");
        }
        Authorization auth = parsed.get();
        AccessKey key = keys.get(auth.accessKey());
        if (key == null) {
            return Result.fail(auth.accessKey(), "access key " + auth.accessKey() + " not found");
        }
        String sdkDate = headers.apply("x-sdk-date");
        if (sdkDate == null) {
            return Result.fail(auth.accessKey(), "x-sdk-date not found");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(SDK_DATE.parse(sdkDate.trim()));
        } catch (DateTimeParseException e) {
            return Result.fail(auth.accessKey(), "x-sdk-date is malformed");
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return Result.fail(auth.accessKey(), "signature expired");
        }
        if (key.securityToken() != null && !key.securityToken().equals(headers.apply("x-security-token"))) {
            return Result.fail(auth.accessKey(), "security token mismatch");
        }
        for (String name : auth.signedHeaders()) {
            if (headers.apply(name) == null) {
                return Result.fail(auth.accessKey(), "signed header " + name + " not found");
            }
        }
        String canonical = canonicalRequest(method, decodedPath, rawQuery, auth.signedHeaders(), headers, body);
        String expected = signature(key.secretKey(), stringToSign(sdkDate.trim(), canonical));
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return match ? Result.ok(auth.accessKey()) : Result.fail(auth.accessKey(), "verify aksk signature fail");
    }

    static String canonicalRequest(String method, String decodedPath, String rawQuery, List<String> signedHeaders,
                                   Function<String, String> headers, byte[] body) {
        List<String> names = new ArrayList<>(signedHeaders);
        names.sort(Comparator.naturalOrder());
        StringBuilder headerBlock = new StringBuilder();
        for (String name : names) {
            String value = headers.apply(name);
            headerBlock.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return method.toUpperCase(Locale.ROOT) + '\n'
                + canonicalUri(decodedPath) + '\n'
                + canonicalQuery(rawQuery) + '\n'
                + headerBlock + '\n'
                + String.join(";", names) + '\n'
                + sha256Hex(body == null ? new byte[0] : body);
    }

    static String canonicalUri(String decodedPath) {
        StringBuilder uri = new StringBuilder();
        for (String segment : decodedPath.split("/")) {
            uri.append(encode(segment)).append('/');
        }
        // "/".split("/") has no segments at all; the root still canonicalises to "/".
        return uri.length() == 0 ? "/" : uri.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {encode(decode(key)), encode(decode(value))});
        }
        // A stable sort on the key alone: repeated keys keep the order they were sent in.
        pairs.sort(Comparator.comparing(p -> p[0]));
        StringBuilder query = new StringBuilder();
        for (String[] p : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(p[0]).append('=').append(p[1]);
        }
        return query.toString();
    }

    static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + '\n' + sdkDate + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Builds the Authorization header a client would send; used by tests and tools that talk to the simulator. */
    static String authorizationHeader(String accessKey, List<String> signedHeaders, String signature) {
        List<String> names = new ArrayList<>(signedHeaders);
        names.sort(Comparator.naturalOrder());
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + String.join(";", names)
                + ", Signature=" + signature;
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String s) {
        // A literal '+' in a query means '+': signers encode spaces as %20, never as '+'.
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return s;
        }
    }
}
