package io.github.camelkoophone.simulator.iam;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The five vectors of signing.md, computed by the simulator's own verifier. */
class SignatureVerifierTest {

    private static final String AK = "QTWAOYTTINDUT2QVKYUC";
    private static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static final String DATE = "20240101T000000Z";
    private static final String HOST = "koophone.myhuaweicloud.com";
    private static final byte[] V1_BODY = "{\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}".getBytes(StandardCharsets.UTF_8);

    private static Map<String, String> headers(String... kv) {
        Map<String, String> h = new TreeMap<>();
        h.put("host", HOST);
        h.put("x-sdk-date", DATE);
        for (int i = 0; i < kv.length; i += 2) {
            h.put(kv[i], kv[i + 1]);
        }
        return h;
    }

    private static String sign(String method, String path, String query, Map<String, String> headers, byte[] body) {
        String cr = SignatureVerifier.canonicalRequest(method, path, query, List.copyOf(headers.keySet()), headers::get, body);
        return SignatureVerifier.signature(SK, SignatureVerifier.stringToSign(DATE, cr));
    }

    @Test
    void v1PostBatchReset() {
        Map<String, String> h = headers();
        String cr = SignatureVerifier.canonicalRequest("POST", "/v1/instances/batch-reset", null, List.copyOf(h.keySet()),
                h::get, V1_BODY);
        assertThat(cr).isEqualTo("POST\n/v1/instances/batch-reset/\n\nhost:koophone.myhuaweicloud.com\n"
                + "x-sdk-date:20240101T000000Z\n\nhost;x-sdk-date\n"
                + "4dbb5c7f7dd65db861253cc2b01f499f1a0a12ac4f86e72546421437b6783bb4");
        String sts = SignatureVerifier.stringToSign(DATE, cr);
        assertThat(sts).isEqualTo("SDK-HMAC-SHA256\n20240101T000000Z\n"
                + "0f567ff1326c8d3208fbc95c785f729ffdef821388f0e33902fa03a220b83c63");
        String signature = SignatureVerifier.signature(SK, sts);
        assertThat(signature).isEqualTo("ac2dde8d44f8f01f8ea1393dc14e6fb073f23d1b15731c7f238e8d9f67f4b1fb");
        assertThat(SignatureVerifier.authorizationHeader(AK, List.of("x-sdk-date", "host"), signature))
                .isEqualTo("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, "
                        + "Signature=ac2dde8d44f8f01f8ea1393dc14e6fb073f23d1b15731c7f238e8d9f67f4b1fb");
    }

    @Test
    void v2GetTask() {
        Map<String, String> h = headers();
        String cr = SignatureVerifier.canonicalRequest("GET", "/v1/instances/tasks/6837531fd3f54550927b930180a706bf", "",
                List.copyOf(h.keySet()), h::get, new byte[0]);
        assertThat(SignatureVerifier.stringToSign(DATE, cr)).isEqualTo("SDK-HMAC-SHA256\n20240101T000000Z\n"
                + "6fbe31af94d557e33197fc848f33343d9c60cbe0a7fb1d00db56b03468b0b336");
        assertThat(sign("GET", "/v1/instances/tasks/6837531fd3f54550927b930180a706bf", null, h, new byte[0]))
                .isEqualTo("4ca5b22ab1032123cb72fbf532dc3f8b4e002b6108a911b77c32d2cc67aa5141");
    }

    @Test
    void v3GetWithQuerySortedByKey() {
        String query = "pool_scene_tag=CLOUD_PHONE&page_size=100&page_no=1";
        assertThat(SignatureVerifier.canonicalQuery(query)).isEqualTo("page_no=1&page_size=100&pool_scene_tag=CLOUD_PHONE");
        Map<String, String> h = headers();
        String cr = SignatureVerifier.canonicalRequest("GET", "/v1/instances/batch-query", query, List.copyOf(h.keySet()),
                h::get, new byte[0]);
        assertThat(SignatureVerifier.stringToSign(DATE, cr)).endsWith(
                "329fb9650d7b1f65e5fad38488d6125025ad5759ae95d0dd80d27baa5405a9e6");
        assertThat(sign("GET", "/v1/instances/batch-query", query, h, new byte[0]))
                .isEqualTo("027d931d9bf4a1cb273727d2f822a57348a3ae21a9c17f837aa3376845b1ec3b");
    }

    @Test
    void v4ProjectAndSecurityTokenAreSigned() {
        Map<String, String> h = headers("x-project-id", "0123456789abcdef0123456789abcdef",
                "x-security-token", "TOKEN-EXAMPLE");
        assertThat(String.join(";", h.keySet())).isEqualTo("host;x-project-id;x-sdk-date;x-security-token");
        String cr = SignatureVerifier.canonicalRequest("POST", "/v1/instances/batch-reset", null, List.copyOf(h.keySet()),
                h::get, V1_BODY);
        assertThat(SignatureVerifier.stringToSign(DATE, cr)).endsWith(
                "6c13b6026e6453647f51d7140f2f5631b42bfea89bae072c8ddacdc7a28ebb1f");
        assertThat(sign("POST", "/v1/instances/batch-reset", null, h, V1_BODY))
                .isEqualTo("71498d9a31b0c5737d1b99797a8dd76ba85dcf71f978be1bd105374b1ce538dd");
    }

    @Test
    void v5EncodingAndRepeatedKeys() {
        String query = "name=a%20b*c~d%2Fe&empty=&tag=z&tag=a";
        assertThat(SignatureVerifier.canonicalQuery(query)).isEqualTo("empty=&name=a%20b%2Ac~d%2Fe&tag=z&tag=a");
        assertThat(sign("GET", "/v1/instances/batch-query", query, headers(), new byte[0]))
                .isEqualTo("844d0853d2b8a256d65a812d2c6bbee7a41b050f17050bc88e493c5f01be88c5");
    }

    @Test
    void verifyAcceptsGoodAndRejectsTamperedOrStaleRequests() {
        Map<String, String> h = headers();
        String signature = sign("POST", "/v1/instances/batch-reset", null, h, V1_BODY);
        h.put("authorization", SignatureVerifier.authorizationHeader(AK, List.of("host", "x-sdk-date"), signature));
        Map<String, AccessKey> keys = Map.of(AK, new AccessKey(AK, SK));
        Instant signedAt = Instant.parse("2024-01-01T00:00:00Z");

        assertThat(SignatureVerifier.verify("POST", "/v1/instances/batch-reset", null, h::get, V1_BODY, keys,
                signedAt.plus(Duration.ofMinutes(14))).valid()).isTrue();
        assertThat(SignatureVerifier.verify("POST", "/v1/instances/batch-reset", null, h::get,
                "{\"instance_ids\":[\"x\"]}".getBytes(StandardCharsets.UTF_8), keys, signedAt).reason())
                .isEqualTo("verify aksk signature fail");
        assertThat(SignatureVerifier.verify("POST", "/v1/instances/batch-reset", null, h::get, V1_BODY, keys,
                signedAt.plus(Duration.ofMinutes(16))).reason()).isEqualTo("signature expired");
        assertThat(SignatureVerifier.verify("POST", "/v1/instances/batch-reset", null, h::get, V1_BODY, Map.of(),
                signedAt).valid()).isFalse();
    }

    @Test
    void parsesAuthorizationHeader() {
        SignatureVerifier.Authorization a = SignatureVerifier.Authorization
                .parse("SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;X-Sdk-Date;x-request-id, Signature=abc").orElseThrow();
        assertThat(a.accessKey()).isEqualTo("AK1");
        assertThat(a.signedHeaders()).containsExactly("host", "x-sdk-date", "x-request-id");
        assertThat(a.signature()).isEqualTo("abc");
        assertThat(SignatureVerifier.Authorization.parse("Bearer xyz")).isEmpty();
        assertThat(SignatureVerifier.canonicalUri("/")).isEqualTo("/");
        assertThat(SignatureVerifier.canonicalUri("/v1/a b")).isEqualTo("/v1/a%20b/");
    }
}
