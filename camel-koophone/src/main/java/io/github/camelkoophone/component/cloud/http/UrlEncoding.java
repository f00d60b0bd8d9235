package io.github.camelkoophone.component.cloud.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding the API gateway canonicalises with (path segments, query keys and values). The wire uses
 * the same encoding, so what is signed is exactly what is sent.
 */
public final class UrlEncoding {

    private UrlEncoding() {
    }

    /**
     * Percent-encoding used for path segments, query keys and values: {@link URLEncoder} (UTF-8) output with
     * {@code +} replaced by {@code %20}, {@code *} by {@code %2A} and {@code %7E} by {@code ~}. Everything but
     * {@code A-Z a-z 0-9 - _ . ~} is encoded. {@code null} encodes as the empty string.
     */
    public static String encode(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (unreserved(value)) {
            return value; // ids and path words: nothing to encode, and the common case
        }
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        int len = encoded.length();
        int i = 0;
        while (i < len) {
            char c = encoded.charAt(i);
            if (c == '+' || c == '*' || (c == '%' && encoded.charAt(i + 1) == '7' && encoded.charAt(i + 2) == 'E')) {
                break;
            }
            i++;
        }
        if (i == len) {
            return encoded;
        }
        StringBuilder sb = new StringBuilder(len + 8);
        sb.append(encoded, 0, i);
        while (i < len) {
            char c = encoded.charAt(i);
            if (c == '+') {
                sb.append("%20");
            } else if (c == '*') {
                sb.append("%2A");
            } else if (c == '%') {
                // URLEncoder output only contains '%' as the start of a %XX triplet.
                if (encoded.charAt(i + 1) == '7' && encoded.charAt(i + 2) == 'E') {
                    sb.append('~');
                } else {
                    sb.append(encoded, i, i + 3);
                }
                i += 2;
            } else {
                sb.append(c);
            }
            i++;
        }
        return sb.toString();
    }

    /** Whether a path is slashes and unreserved characters only, so encoding its segments changes nothing. */
    public static boolean isPathOfUnreserved(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' && !unreserved(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!unreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
