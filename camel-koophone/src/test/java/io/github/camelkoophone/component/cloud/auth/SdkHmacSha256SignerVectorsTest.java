package io.github.camelkoophone.component.cloud.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The test vectors of shared/signing.md, produced by Huawei's official signer. */
class SdkHmacSha256SignerVectorsTest {

    private static final String AK = "QTWAOYTTINDUT2QVKYUC";
    private static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static final String DATE = "20240101T000000Z";
    private static final String HOST = "koophone.myhuaweicloud.com";
    private static final byte[] V1_BODY = "{\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}"
            .getBytes(StandardCharsets.UTF_8);

    private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer(AK, SK);

    private static Map<String, String> baseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", HOST);
        headers.put(SdkHmacSha256Signer.DATE_HEADER, DATE);
        return headers;
    }

    private static String auth(String signedHeaders, String signature) {
        return "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    @Test
    void v1PostWithBody() {
        String cr = SdkHmacSha256Signer.canonicalRequest("POST", "/v1/instances/batch-reset", List.of(),
                baseHeaders(), V1_BODY);
        assertThat(cr).isEqualTo("POST\n/v1/instances/batch-reset/\n\nhost:koophone.myhuaweicloud.com\n"
                + "x-sdk-date:20240101T000000Z\n\nhost;x-sdk-date\n"
                + "4dbb5c7f7dd65db861253cc2b01f499f1a0a12ac4f86e72546421437b6783bb4");
        assertThat(SdkHmacSha256Signer.stringToSign(DATE, cr)).isEqualTo("SDK-HMAC-SHA256\n20240101T000000Z\n"
                + "0f567ff1326c8d3208fbc95c785f729ffdef821388f0e33902fa03a220b83c63");
        assertThat(signer.authorization("POST", "/v1/instances/batch-reset", List.of(), baseHeaders(), V1_BODY))
                .isEqualTo(auth("host;x-sdk-date",
                        "ac2dde8d44f8f01f8ea1393dc14e6fb073f23d1b15731c7f238e8d9f67f4b1fb"));
    }

    @Test
    void v2GetWithoutBody() {
        String path = "/v1/instances/tasks/6837531fd3f54550927b930180a706bf";
        String cr = SdkHmacSha256Signer.canonicalRequest("GET", path, List.of(), baseHeaders(), null);
        assertThat(SdkHmacSha256Signer.stringToSign(DATE, cr)).isEqualTo("SDK-HMAC-SHA256\n20240101T000000Z\n"
                + "6fbe31af94d557e33197fc848f33343d9c60cbe0a7fb1d00db56b03468b0b336");
        String expected = auth("host;x-sdk-date", "4ca5b22ab1032123cb72fbf532dc3f8b4e002b6108a911b77c32d2cc67aa5141");
        assertThat(signer.authorization("GET", path, List.of(), baseHeaders(), null)).isEqualTo(expected);
        assertThat(signer.authorization("GET", path, null, baseHeaders(), new byte[0])).isEqualTo(expected);
    }

    @Test
    void v3QueryIsSortedByKey() {
        List<Map.Entry<String, String>> query = List.of(Map.entry("pool_scene_tag", "CLOUD_PHONE"),
                Map.entry("page_size", "100"), Map.entry("page_no", "1"));
        String cr = SdkHmacSha256Signer.canonicalRequest("GET", "/v1/instances/batch-query", query, baseHeaders(),
                null);
        assertThat(cr.split("\n", -1)[2]).isEqualTo("page_no=1&page_size=100&pool_scene_tag=CLOUD_PHONE");
        assertThat(SdkHmacSha256Signer.stringToSign(DATE, cr)).isEqualTo("SDK-HMAC-SHA256\n20240101T000000Z\n"
                + "329fb9650d7b1f65e5fad38488d6125025ad5759ae95d0dd80d27baa5405a9e6");
        assertThat(signer.authorization("GET", "/v1/instances/batch-query", query, baseHeaders(), null))
                .isEqualTo(auth("host;x-sdk-date",
                        "027d931d9bf4a1cb273727d2f822a57348a3ae21a9c17f837aa3376845b1ec3b"));
    }

    @Test
    void v4ProjectIdAndSecurityTokenAreSigned() {
        Map<String, String> headers = baseHeaders();
        headers.put("X-Project-Id", "0123456789abcdef0123456789abcdef");
        headers.put("X-Security-Token", "TOKEN-EXAMPLE");
        String cr = SdkHmacSha256Signer.canonicalRequest("POST", "/v1/instances/batch-reset", List.of(), headers,
                V1_BODY);
        assertThat(SdkHmacSha256Signer.stringToSign(DATE, cr)).isEqualTo("SDK-HMAC-SHA256\n20240101T000000Z\n"
                + "6c13b6026e6453647f51d7140f2f5631b42bfea89bae072c8ddacdc7a28ebb1f");
        assertThat(signer.authorization("POST", "/v1/instances/batch-reset", List.of(), headers, V1_BODY))
                .isEqualTo(auth("host;x-project-id;x-sdk-date;x-security-token",
                        "71498d9a31b0c5737d1b99797a8dd76ba85dcf71f978be1bd105374b1ce538dd"));
    }

    @Test
    void v5QueryEncodingEmptyValuesAndRepeatedKeys() {
        List<Map.Entry<String, String>> query = List.of(Map.entry("name", "a b*c~d/e"), Map.entry("empty", ""),
                Map.entry("tag", "z"), Map.entry("tag", "a"));
        String cr = SdkHmacSha256Signer.canonicalRequest("GET", "/v1/instances/batch-query", query, baseHeaders(),
                null);
        assertThat(cr.split("\n", -1)[2]).isEqualTo("empty=&name=a%20b%2Ac~d%2Fe&tag=z&tag=a");
        assertThat(signer.authorization("GET", "/v1/instances/batch-query", query, baseHeaders(), null))
                .isEqualTo(auth("host;x-sdk-date",
                        "844d0853d2b8a256d65a812d2c6bbee7a41b050f17050bc88e493c5f01be88c5"));
    }

    @Test
    void headerNamesAreCaseInsensitiveAndValuesTrimmed() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("HOST", " " + HOST + " ");
        headers.put("x-sdk-date", DATE);
        assertThat(signer.authorization("POST", "/v1/instances/batch-reset", List.of(), headers, V1_BODY))
                .isEqualTo(auth("host;x-sdk-date",
                        "ac2dde8d44f8f01f8ea1393dc14e6fb073f23d1b15731c7f238e8d9f67f4b1fb"));
    }

    @Test
    void encode() {
        assertThat(SdkHmacSha256Signer.encode("a b*c~d/e+f%g")).isEqualTo("a%20b%2Ac~d%2Fe%2Bf%25g");
        assertThat(SdkHmacSha256Signer.encode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(SdkHmacSha256Signer.encode("é中😀")).isEqualTo("%C3%A9%E4%B8%AD%F0%9F%98%80");
        assertThat(SdkHmacSha256Signer.encode("")).isEmpty();
        assertThat(SdkHmacSha256Signer.encode(null)).isEmpty();
    }

    @Test
    void canonicalUriAlwaysEndsInSlash() {
        Map<String, String> h = baseHeaders();
        assertThat(SdkHmacSha256Signer.canonicalRequest("GET", "/", null, h, null)).startsWith("GET\n/\n\n");
        assertThat(SdkHmacSha256Signer.canonicalRequest("GET", "", null, h, null)).startsWith("GET\n/\n\n");
        assertThat(SdkHmacSha256Signer.canonicalRequest("GET", "/v1/a b/", null, h, null))
                .startsWith("GET\n/v1/a%20b/\n\n");
    }

    @Test
    void formatDate() {
        assertThat(SdkHmacSha256Signer.formatDate(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(DATE);
        assertThat(SdkHmacSha256Signer.formatDate(Instant.parse("2025-12-31T23:59:58.999Z")))
                .isEqualTo("20251231T235958Z");
    }

    @Test
    void requiresHostAndDateHeaders() {
        assertThatThrownBy(() -> signer.authorization("GET", "/", List.of(), Map.of("Host", HOST), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Sdk-Date");
        assertThatThrownBy(() -> signer.authorization("GET", "/", List.of(), Map.of("X-Sdk-Date", DATE), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> signer.authorization("GET", "/", List.of(),
                Map.of("Host", HOST, "X-Sdk-Date", DATE, "x-sdk-date", DATE), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than once");
    }

    @Test
    void toStringRevealsNoKey() {
        assertThat(signer.toString()).doesNotContain(AK).doesNotContain(SK).contains("SDK-HMAC-SHA256");
    }

    @Test
    void rejectsMissingKeys() {
        assertThatThrownBy(() -> new SdkHmacSha256Signer("", SK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdkHmacSha256Signer(AK, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
