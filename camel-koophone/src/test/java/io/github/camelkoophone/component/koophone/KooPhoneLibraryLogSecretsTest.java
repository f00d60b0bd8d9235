package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger of the JVM at TRACE, java.util.logging bridged in, the HTTP library's own wire and header
 * loggers included, no password, token, secret key, security token or signature is logged while the request ids
 * are: one IAM login, one AK/SK call, one static-token call and one failing call against the simulator.
 */
class KooPhoneLibraryLogSecretsTest extends SimulatorTestSupport {

    private static final String SECURITY_TOKEN = "temporary-security-token-SECRET";
    private static final String TEMPORARY_AK = "TEMPORARYACCESSKEY01";
    private static final String TEMPORARY_SK = "temporary-secret-key-SECRET-0123456789";
    private static final String[] IDS = { "00000000000000000000000000000001", "00000000000000000000000000000002",
            "00000000000000000000000000000003", "00000000000000000000000000000004" };

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture().everyLogger().expectComponentTrace()
            .forbid(KooPhoneSimulator.DEFAULT_PASSWORD, KooPhoneSimulator.DEFAULT_STATIC_TOKEN, KooPhoneSimulator.DEFAULT_SECRET_KEY,
                    TEMPORARY_SK, SECURITY_TOKEN, "MIIsim")
            .watchFor(IDS);

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder.accessKey(new io.github.camelkoophone.simulator.iam.AccessKey(TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN));
    }

    @Test
    void noSecretReachesAnyLoggerWhileTheRequestIdsDo() throws Exception {
        context.addComponent("kp-password", component(c -> usePasswordLogin(c, KooPhoneSimulator.DEFAULT_PASSWORD)));
        context.addComponent("kp-aksk", component(c -> {
            c.setAuthToken(null);
            c.setAccessKey(TEMPORARY_AK);
            c.setSecretKey(TEMPORARY_SK);
            c.setSecurityToken(SECURITY_TOKEN);
            c.setProjectId(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        }));
        context.addComponent("kp-token", component(c -> { }));
        String own = sim.inventory().ids().get(0);

        List<Exchange> exchanges = List.of(
                call("kp-password:batchQueryStatus", null, Map.of(INSTANCE_IDS, own, REQUEST_ID, IDS[0])),
                call("kp-aksk:batchQueryStatus", null, Map.of(INSTANCE_IDS, own, REQUEST_ID, IDS[1])),
                call("kp-token:batchQueryStatus", null, Map.of(INSTANCE_IDS, own, REQUEST_ID, IDS[2])),
                call("kp-token:batchReset", null, Map.of(INSTANCE_IDS, "nosuch01", REQUEST_ID, IDS[3])));

        assertThat(exchanges.subList(0, 3)).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(exchanges.get(3).getException()).isInstanceOf(KooPhoneApiException.class);
        assertThat(sim.journal().count("iamToken")).as("an IAM login took place").isEqualTo(1);
        assertThat(IDS).as("every request id was logged").allMatch(logs::saw);
        assertThat(logs.linesOf("org.apache.hc.client5"))
                .as("the HTTP library logged at TRACE too: " + Libraries.pins(Libraries.HTTPCLIENT5, "it logs under org.apache.hc.client5"))
                .isPositive();
        logs.scan(exchanges).scan(context);
    }

    private KooPhoneComponent component(java.util.function.Consumer<KooPhoneConfiguration> credentials) {
        KooPhoneComponent kp = new KooPhoneComponent();
        KooPhoneConfiguration c = kp.getConfiguration();
        c.setEndpoint(sim.url());
        c.setIamEndpoint(sim.url());
        c.setAuthToken(sim.staticToken());
        credentials.accept(c);
        return kp;
    }
}
