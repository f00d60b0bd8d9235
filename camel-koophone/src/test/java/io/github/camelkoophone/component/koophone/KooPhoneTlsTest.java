package io.github.camelkoophone.component.koophone;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, part 7: against the simulator serving HTTPS with a self-signed certificate made by the JDK's keytool,
 * the component refuses the certificate by default, accepts it with {@code sslContextParameters} trusting it, and
 * with {@code ignoreSslVerification=true} accepts anything and says so once, at WARN.
 */
class KooPhoneTlsTest extends SimulatorTestSupport {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static Path keystore;
    static Path truststore;

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture().expectComponentTrace().forbid(KooPhoneSimulator.DEFAULT_STATIC_TOKEN, PASSWORD);

    @BeforeAll
    static void makeASelfSignedCertificateAndATrustStoreHoldingIt() throws Exception {
        keystore = dir.resolve("sim.p12");
        truststore = dir.resolve("trust.p12");
        Path certificate = dir.resolve("sim.cer");
        keytool("-genkeypair", "-alias", "sim", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "sim", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "sim", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", PASSWORD);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(factory.getKeyManagers(), null, null);
            return builder.https(server);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Exchange status(String options) {
        Exchange out = call("koophone:batchQueryStatus" + options, null,
                Map.of(KooPhoneConstants.INSTANCE_IDS, sim.inventory().ids().subList(0, 2)));
        logs.scan(out);
        return out;
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() {
        assertThat(sim.url()).startsWith("https://");

        Exchange out = status("");

        assertThat(out.getException()).isNotNull();
        assertThat(Causes.find(out.getException(), SSLHandshakeException.class)).as("%s", out.getException()).isNotNull();
        assertThat(sim.journal().entries()).as("nothing got through").isEmpty();
    }

    @Test
    void sslContextParametersTrustingTheCertificateAreAccepted() {
        KeyStoreParameters trusted = new KeyStoreParameters();
        trusted.setResource("file:" + truststore);
        trusted.setType("PKCS12");
        trusted.setPassword(PASSWORD);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trusted);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        context.getRegistry().bind("simTls", tls);

        Exchange out = status("?sslContextParameters=#simTls");

        assertThat(out.getException()).isNull();
        assertThat(sim.journal().entries()).hasSize(1);
        assertThat(status("").getException()).as("an endpoint without them still refuses").isNotNull();
    }

    @Test
    void ignoreSslVerificationAcceptsAnythingAndWarnsOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(status("?ignoreSslVerification=true").getException()).isNull();
            assertThat(call("koophone:listInstances?ignoreSslVerification=true", null, Map.of()).getException()).isNull();
        }

        List<TraceLogCapture.Line> warnings = logs.warnings().stream()
                .filter(line -> line.level() == Level.WARN && line.text().contains("ignoreSslVerification=true")).toList();
        assertThat(warnings).as("one warning for six calls over two endpoints").hasSize(1);
        assertThat(warnings.get(0).text()).contains("verification is disabled");
    }
}
