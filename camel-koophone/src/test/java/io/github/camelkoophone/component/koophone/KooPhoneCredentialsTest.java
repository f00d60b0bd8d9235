package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.faults.RandomFaults;
import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, part 5, against the simulator's IAM and gateway: bad credentials fail clearly, once, with at most one
 * refresh and no retry loop (the real gateway locks an access key after five failures); an expired or revoked
 * token is replaced without the route noticing.
 */
class KooPhoneCredentialsTest extends SimulatorTestSupport {

    private static final String WRONG_PASSWORD = "not-the-password-SECRET";
    private static final String WRONG_SECRET_KEY = "not-the-secret-key-SECRET-0123456789abcd";
    private static final String STATUS = "koophone:batchQueryStatus";
    private static final AccessKey TEMPORARY = new AccessKey("TEMPORARYACCESSKEY01", "temporary-secret-key-SECRET-0123456789ab",
            "temporary-security-token-SECRET");

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture().expectComponentTrace()
            .forbid(WRONG_PASSWORD, WRONG_SECRET_KEY, KooPhoneSimulator.DEFAULT_PASSWORD, KooPhoneSimulator.DEFAULT_SECRET_KEY, "MIIsim",
                    TEMPORARY.secretKey(), TEMPORARY.securityToken());

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder.accessKey(TEMPORARY);
    }

    private Map<String, Object> ids() {
        return Map.of(KooPhoneConstants.INSTANCE_IDS, sim.inventory().ids().subList(0, 2));
    }

    private Exchange status() {
        Exchange out = call(STATUS, null, ids());
        logs.scan(out);
        return out;
    }

    private void usePassword(String password) {
        usePasswordLogin(context.getComponent("koophone", KooPhoneComponent.class).getConfiguration(), password);
    }

    private long iamRequests() {
        return sim.journal().count("iamToken");
    }

    @Test
    void wrongPasswordFailsClearlyAfterOneLoginAndIsNotRetriedByLaterExchanges() {
        usePassword(WRONG_PASSWORD);

        List<Exchange> outs = List.of(status(), status(), status(), status(), status(), status());

        assertThat(outs.get(0).getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("iamToken");
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).contains("iamToken", "401", "The username or password is wrong.");
        });
        assertThat(outs).allSatisfy(out -> assertThat(out.getException()).isSameAs(outs.get(0).getException()));
        assertThat(iamRequests()).as("IAM logins for six exchanges").isEqualTo(1);
        assertThat(apiRequests()).as("API requests without a token").isZero();
    }

    @Test
    void wrongSecretKeyFailsWithOneRequestNoRetryNoRefreshAndIsRememberedAcrossExchanges() {
        KooPhoneConfiguration c = context.getComponent("koophone", KooPhoneComponent.class).getConfiguration();
        c.setAuthToken(null);
        c.setAccessKey(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
        c.setSecretKey(WRONG_SECRET_KEY);

        Exchange first = status();
        Exchange second = status();

        for (Exchange out : List.of(first, second)) {
            assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
                assertThat(e.getHttpStatus()).isEqualTo(401);
                assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
                assertThat(e.getMessage()).contains("batchQueryStatus", "verify aksk signature fail");
            });
        }
        assertThat(second.getException()).hasMessageContaining("nothing is sent with it for a minute");
        assertThat(apiRequests()).as("one signed request in all: 401 is final, and remembered").isEqualTo(1);
        assertThat(iamRequests()).isZero();
    }

    @Test
    void temporaryAkSkUnderFaultsSignsEveryAttemptAfreshAndShowsNoSecret() {
        KooPhoneConfiguration c = context.getComponent("koophone", KooPhoneComponent.class).getConfiguration();
        c.setAuthToken(null);
        c.setAccessKey(TEMPORARY.accessKey());
        c.setSecretKey(TEMPORARY.secretKey());
        c.setSecurityToken(TEMPORARY.securityToken());
        c.setProjectId(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        sim.faults().random(RandomFaults.seed(3).status(503, 0.2).status(429, 0.1).drop(0.05).retryAfter(0));

        List<Exchange> outs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outs.add(status());
        }

        Map<String, List<JournalEntry>> attempts = KooPhoneFaultSoakTest.attemptsByRequestId(sim.journal().entries());
        assertThat(outs).filteredOn(out -> out.getException() != null).allSatisfy(out -> {
            List<JournalEntry> sent = attempts.getOrDefault(out.getMessage().getHeader(KooPhoneConstants.REQUEST_ID, String.class), List.of());
            assertThat(KooPhoneFaultSoakTest.injectedFault("batchQueryStatus", out.getException(), sent, 3))
                    .as("the injected fault behind %s; its attempts: %s", out.getException(), sent).isNotNull();
        });
        assertThat(outs).filteredOn(out -> out.getException() == null).hasSizeGreaterThan(190);
        assertThat(apiRequests()).as("retries happened").isGreaterThan(250);
        assertThat(sim.journal().entries()).noneMatch(e -> e.status() == 401);
        assertThat(sim.journal().entries()).as("every attempt that reached the gateway's check was signed")
                .filteredOn(e -> e.fault() == null || e.fault().isEmpty()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.auth()).isEqualTo("aksk"));
    }

    @Test
    void unknownAccessKeyFailsWithOneRequest() {
        KooPhoneConfiguration c = context.getComponent("koophone", KooPhoneComponent.class).getConfiguration();
        c.setAuthToken(null);
        c.setAccessKey("NOSUCHACCESSKEY00001");
        c.setSecretKey(WRONG_SECRET_KEY);

        assertThat(status().getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(401));
        assertThat(apiRequests()).isEqualTo(1);
    }

    @Test
    void aTokenTheApiKeepsRejectingIsRefreshedOnceThenTheFailureIsFinal() {
        usePassword(KooPhoneSimulator.DEFAULT_PASSWORD);
        sim.faults().add(Fault.on("batchQueryStatus").httpStatus(401));

        Exchange out = status();

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(401));
        assertThat(apiRequests()).as("the first attempt and one after the refresh").isEqualTo(2);
        assertThat(iamRequests()).as("the first login and one refresh").isEqualTo(2);
    }

    @Test
    void aTokenThatExpiresMidRunIsReplacedWithoutTheRouteNoticing() {
        usePassword(KooPhoneSimulator.DEFAULT_PASSWORD);
        sim.settings().tokenLifetime(Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            assertThat(status().getException()).isNull();
        }

        sim.clock().advance(Duration.ofMinutes(11)); // the simulator's IAM now refuses the cached token
        for (int i = 0; i < 5; i++) {
            assertThat(status().getException()).isNull();
        }

        assertThat(iamRequests()).isEqualTo(2);
        assertThat(apiRequests()).as("ten calls and the one answered 401").isEqualTo(11);
    }

    @Test
    void aTokenNearItsExpiryIsRenewedBeforeTheApiRefusesIt() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        context.stop();
        context = newContext();
        KooPhoneComponent component = context.getComponent("koophone", KooPhoneComponent.class);
        component.useClock(clock);
        usePasswordLogin(component.getConfiguration(), KooPhoneSimulator.DEFAULT_PASSWORD);
        context.start();
        template = context.createProducerTemplate();
        sim.settings().tokenLifetime(Duration.ofMinutes(10));
        assertThat(status().getException()).isNull();

        clock.advance(Duration.ofMinutes(9).plusSeconds(30)); // inside the refresh margin (a tenth of the lifetime)
        sim.clock().advance(Duration.ofMinutes(9).plusSeconds(30));
        assertThat(status().getException()).isNull();

        assertThat(iamRequests()).isEqualTo(2);
        assertThat(sim.journal().entries()).noneMatch(e -> e.status() == 401);
    }

    @Test
    void aRevocationUnderConcurrentLoadCostsOneLogin() {
        usePassword(KooPhoneSimulator.DEFAULT_PASSWORD);
        assertThat(status().getException()).isNull();
        sim.revokeTokens();

        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(template.asyncSend(STATUS, exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(ids()))));
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join().getException()).isNull());
        assertThat(iamRequests()).as("the first login and one after the revocation").isEqualTo(2);
    }

    @Test
    void iamThrottlingIsNotMistakenForAWrongPassword() {
        usePassword(KooPhoneSimulator.DEFAULT_PASSWORD);
        sim.faults().add(Fault.on("iamToken").httpStatus(429).retryAfter(0).times(4)); // the first login and its 3 retries

        Exchange throttled = status();
        Exchange next = status();

        assertThat(throttled.getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(429));
        assertThat(next.getException()).as("the next exchange logs in again").isNull();
        assertThat(iamRequests()).isEqualTo(5);
    }
}
