package io.github.camelkoophone.component.cloud.auth;

import io.github.camelkoophone.component.cloud.http.UrlEncoding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Huawei Cloud API requests with the AK/SK scheme {@code SDK-HMAC-SHA256}.
 * <p>
 * Canonical request:
 * <pre>
 * METHOD \n CANONICAL_URI \n CANONICAL_QUERY \n CANONICAL_HEADERS \n SIGNED_HEADERS \n hex(sha256(body))
 * </pre>
 * where the canonical URI is every {@code /}-separated path segment percent-encoded with {@link #encode(String)}
 * and followed by {@code /}, the canonical query is the encoded {@code key=value} pairs sorted by encoded key
 * (repeated keys keep their order), and the canonical headers are {@code name:value\n} lines with lower-case
 * names, trimmed values, sorted by name. The string to sign is
 * {@code SDK-HMAC-SHA256\n<X-Sdk-Date>\nhex(sha256(canonicalRequest))}, and the signature is the hex
 * HMAC-SHA256 of it keyed with the secret key's UTF-8 bytes.
 * <p>
 * The signer signs exactly the headers it is given. Huawei's official SDK signs every header of the request
 * except {@code Content-Type} and names containing {@code _}; callers pass the same set.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class SdkHmacSha256Signer {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String DATE_HEADER = "X-Sdk-Date";

    /** Hex SHA-256 of an empty body. */
    static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final String HMAC_ALGORITHM = "HmacSHA256";
    private static final String HOST = "host";
    private static final String DATE = "x-sdk-date";
    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Comparator<String[]> BY_KEY = Comparator.comparing(pair -> pair[0]);

    /** One digest per thread, reused: instances are not thread-safe, and looking one up per call is avoidable. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private final String accessKey;
    private final SecretKeySpec secretKey;
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    public SdkHmacSha256Signer(String accessKey, String secretKey) {
        if (accessKey == null || accessKey.isEmpty()) {
            throw new IllegalArgumentException("accessKey is required");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey is required");
        }
        this.accessKey = accessKey;
        this.secretKey = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), HMAC_ALGORITHM);
    }

    /** Formats {@code instant} as {@code yyyyMMdd'T'HHmmss'Z'} in UTC, the {@code X-Sdk-Date} format. */
    public static String formatDate(Instant instant) {
        return DATE_FORMAT.format(instant);
    }

    /**
     * The gateway's percent-encoding, shared with the transport so the wire carries exactly what is signed.
     *
     * @see UrlEncoding#encode(String)
     */
    public static String encode(String value) {
        return UrlEncoding.encode(value);
    }

    /**
     * Returns the Authorization header value.
     *
     * @param method  HTTP method, upper case
     * @param path    the decoded request path, e.g. {@code /v1/instances/tasks/abc} (segments are encoded by the
     *                signer)
     * @param query   decoded query parameters in the order they are sent (repeated keys allowed), may be empty or
     *                {@code null}
     * @param headers the headers to sign (any case; the signer lower-cases names, trims values, sorts); must
     *                include {@code host} and {@code x-sdk-date}
     * @param body    the exact body bytes sent ({@code null} or empty for none)
     */
    public String authorization(String method, String path, List<Map.Entry<String, String>> query,
                                Map<String, String> headers, byte[] body) {
        TreeMap<String, String> canonicalHeaders = canonicalHeaders(headers);
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        String canonicalRequest = canonicalRequest(method, path, query, canonicalHeaders, signedHeaders, body);
        String stringToSign = stringToSign(canonicalHeaders.get(DATE), canonicalRequest);
        String signature = hex(hmac(stringToSign.getBytes(StandardCharsets.UTF_8)));
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    /** The canonical request, exposed for tests. */
    static String canonicalRequest(String method, String path, List<Map.Entry<String, String>> query,
                                   Map<String, String> headers, byte[] body) {
        TreeMap<String, String> canonicalHeaders = canonicalHeaders(headers);
        return canonicalRequest(method, path, query, canonicalHeaders, String.join(";", canonicalHeaders.keySet()),
                body);
    }

    /** The string to sign for a canonical request, exposed for tests. */
    static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + '\n' + sdkDate + '\n'
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    private static String canonicalRequest(String method, String path, List<Map.Entry<String, String>> query,
                                           TreeMap<String, String> canonicalHeaders, String signedHeaders,
                                           byte[] body) {
        Objects.requireNonNull(method, "method");
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append('\n');
        appendCanonicalUri(sb, path);
        sb.append('\n');
        appendCanonicalQuery(sb, query);
        sb.append('\n');
        for (Map.Entry<String, String> header : canonicalHeaders.entrySet()) {
            sb.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        sb.append('\n').append(signedHeaders).append('\n');
        sb.append(body == null || body.length == 0 ? EMPTY_BODY_SHA256 : hex(sha256(body)));
        return sb.toString();
    }

    /**
     * Every segment encoded and followed by '/'. Mirrors the official signer's {@code path.split("/")}: trailing
     * empty segments are dropped, so {@code /a/b} and {@code /a/b/} both give {@code /a/b/}; {@code /} stays
     * {@code /}.
     */
    private static void appendCanonicalUri(StringBuilder sb, String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            sb.append('/');
            return;
        }
        for (String segment : path.split("/")) {
            sb.append(encode(segment)).append('/');
        }
    }

    private static void appendCanonicalQuery(StringBuilder sb, List<Map.Entry<String, String>> query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        String[][] pairs = new String[query.size()][];
        int n = 0;
        for (Map.Entry<String, String> parameter : query) {
            pairs[n++] = new String[] {encode(parameter.getKey()), encode(parameter.getValue())};
        }
        // Arrays.sort on objects is stable: values of a repeated key keep their order.
        Arrays.sort(pairs, BY_KEY);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(pairs[i][0]).append('=').append(pairs[i][1]);
        }
    }

    private static TreeMap<String, String> canonicalHeaders(Map<String, String> headers) {
        Objects.requireNonNull(headers, "headers");
        TreeMap<String, String> canonical = new TreeMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header name must not be blank");
            }
            if (value == null) {
                throw new IllegalArgumentException("header " + name + " has no value");
            }
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (canonical.put(lower, value.trim()) != null) {
                throw new IllegalArgumentException("header " + lower + " is given more than once");
            }
        }
        if (!canonical.containsKey(HOST)) {
            throw new IllegalArgumentException("the host header is required");
        }
        if (!canonical.containsKey(DATE)) {
            throw new IllegalArgumentException("the " + DATE_HEADER + " header is required");
        }
        return canonical;
    }

    private byte[] hmac(byte[] data) {
        return mac.get().doFinal(data); // doFinal leaves the Mac ready for the next message, with the same key
    }

    private Mac newMac() {
        try {
            Mac hmac = Mac.getInstance(HMAC_ALGORITHM);
            hmac.init(secretKey);
            return hmac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data); // digest resets it
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0, j = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            out[j++] = HEX[b >>> 4];
            out[j++] = HEX[b & 0x0F];
        }
        return new String(out);
    }

    /** Never shows key material. */
    @Override
    public String toString() {
        return "SdkHmacSha256Signer[algorithm=" + ALGORITHM + "]";
    }
}
