package io.github.camelkoophone.simulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS with a self-signed certificate made by the JDK's keytool. */
class HttpsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    static Path keystore;

    @BeforeAll
    static void createKeystore() throws Exception {
        keystore = dir.resolve("sim.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "sim", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    private static KeyStore load() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(), PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static HttpClient trustingClient() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    @Test
    void servesTheApiOverHttps() throws Exception {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(2).https(serverContext()).start()) {
            assertThat(sim.url()).startsWith("https://127.0.0.1:");
            SimClient.Resp r = SimClient.of(sim.url(), trustingClient()).aksk(sim.accessKey())
                    .post("/v1/instances/batch-query-status", Map.of("instance_ids", sim.inventory().ids()));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data().path("status_results")).hasSize(2);

            // An untrusting client refuses the self-signed certificate.
            HttpRequest plain = HttpRequest.newBuilder(URI.create(sim.url() + "/_sim/health")).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void standaloneTakesAKeystore() throws Exception {
        KooPhoneSimulator sim = Main.start(new String[] {"--port", "0", "--keystore", keystore.toString(),
                "--keystore-password", "changeit"}, System.out);
        try {
            SimClient.Resp r = SimClient.of(sim.url(), trustingClient()).token(sim.staticToken())
                    .post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
            assertThat(r.status()).isEqualTo(200);
        } finally {
            sim.stop();
        }
    }
}
