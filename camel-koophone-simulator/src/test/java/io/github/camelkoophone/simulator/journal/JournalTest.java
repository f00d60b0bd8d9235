package io.github.camelkoophone.simulator.journal;

import io.github.camelkoophone.simulator.IamTokenTest;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.SimClient;
import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {

    static final AccessKey TEMPORARY = new AccessKey("JOURNALAK", "journal-secret-key", "journal-security-token");

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(2).accessKey(TEMPORARY));

    @Test
    void secretsAreMaskedEverywhere(KooPhoneSimulator sim) {
        String token = IamTokenTest.login(sim);
        SimClient.of(sim).token(token).post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
        SimClient.of(sim).aksk(TEMPORARY).post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));

        List<JournalEntry> entries = sim.journal().entries();
        assertThat(entries).hasSize(3);
        String everything = entries.stream().map(e -> e.toJson().toString()).reduce("", String::concat);
        assertThat(everything)
                .doesNotContain(KooPhoneSimulator.DEFAULT_PASSWORD)
                .doesNotContain(token)
                .doesNotContain(TEMPORARY.secretKey())
                .doesNotContain(TEMPORARY.securityToken());

        JournalEntry login = entries.get(0);
        assertThat(login.operation()).isEqualTo("iamToken");
        assertThat(login.status()).isEqualTo(201);
        assertThat(login.body()).contains("\"password\":\"****\"", KooPhoneSimulator.DEFAULT_USER);

        JournalEntry withToken = entries.get(1);
        assertThat(withToken.headers().get("x-auth-token")).isEqualTo(Journal.fingerprint(token)).startsWith("****");
        assertThat(withToken.auth()).isEqualTo("token");

        JournalEntry signed = entries.get(2);
        String authorization = signed.headers().get("authorization");
        assertThat(authorization).startsWith("SDK-HMAC-SHA256 Access=JOURNALAK, SignedHeaders=").endsWith("Signature=****");
        assertThat(signed.headers().get("x-security-token")).startsWith("****#");
        assertThat(signed.principal()).isEqualTo("JOURNALAK");
    }

    @Test
    void entriesRecordRequestDetails(KooPhoneSimulator sim) {
        SimClient.of(sim).requestId("abcdefabcdefabcdefabcdefabcdefab")
                .get("/v1/instances/batch-query?page_size=5&pool_scene_tag=CLOUD_PHONE");
        JournalEntry e = sim.journal().last().orElseThrow();
        assertThat(e.seq()).isEqualTo(1);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/v1/instances/batch-query");
        assertThat(e.query()).isEqualTo("page_size=5&pool_scene_tag=CLOUD_PHONE");
        assertThat(e.operation()).isEqualTo("listInstances");
        assertThat(e.requestId()).isEqualTo("abcdefabcdefabcdefabcdefabcdefab");
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.errorCode()).isEqualTo("0");
        assertThat(e.executed()).isFalse();
        assertThat(e.failed()).isFalse();
    }

    @Test
    void countersAndExecutedFlags(KooPhoneSimulator sim) {
        List<String> ids = sim.inventory().ids();
        SimClient.of(sim).post("/v1/instances/reboot", Map.of("instance_ids", ids));
        SimClient.of(sim).post("/v1/instances/reboot", Map.of("instance_ids", List.of("ghost001")));
        SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", ids));
        SimClient.of(sim).noAuth().post("/v1/instances/reboot", Map.of("instance_ids", ids));

        assertThat(sim.journal().count("batchRebootInstance")).isEqualTo(3);
        assertThat(sim.journal().executedCount("batchRebootInstance")).isEqualTo(1);
        assertThat(sim.journal().counters().get("batchRebootInstance"))
                .isEqualTo(new OperationCounter(3, 1, 2));
        assertThat(sim.journal().counters().get("batchQueryStatus")).isEqualTo(new OperationCounter(1, 0, 0));
        assertThat(sim.journal().duplicateExecutions()).isEmpty();
    }

    @Test
    void duplicateExecutionsAreDetectedPerRequestId(KooPhoneSimulator sim) {
        SimClient same = SimClient.of(sim).requestId("11111111111111111111111111111111");
        same.post("/v1/instances/streaming/stop", Map.of("instance_id", sim.inventory().ids().get(0)));
        same.post("/v1/instances/streaming/stop", Map.of("instance_id", sim.inventory().ids().get(0)));
        // Reads with a repeated id are not executions.
        SimClient.of(sim).requestId("22222222222222222222222222222222").get("/v1/instances/batch-query");
        SimClient.of(sim).requestId("22222222222222222222222222222222").get("/v1/instances/batch-query");
        assertThat(sim.journal().duplicateExecutions()).containsOnlyKeys("11111111111111111111111111111111");
        assertThat(sim.journal().duplicateExecutions().get("11111111111111111111111111111111")).hasSize(2);
    }

    @Test
    void capacityBoundsEntriesButNotCounters() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(1).journalCapacity(3).start()) {
            for (int i = 0; i < 5; i++) {
                SimClient.of(sim).get("/v1/instances/sku");
            }
            assertThat(sim.journal().entries()).hasSize(3).first().extracting(JournalEntry::seq).isEqualTo(3L);
            assertThat(sim.journal().count("batchShowSku")).isEqualTo(5);
            assertThat(sim.journal().since(4)).hasSize(1);
        }
    }

    @Test
    void maskingHelpers() {
        assertThat(Journal.maskAuthorization("Basic dXNlcjpwYXNz")).isEqualTo("****");
        assertThat(Journal.maskBody("{\"a\":{\"Password\":\"x\"},\"b\":[{\"password\":\"y\"}]}".getBytes()))
                .isEqualTo("{\"a\":{\"Password\":\"****\"},\"b\":[{\"password\":\"****\"}]}");
        assertThat(Journal.maskBody("password=hunter2".getBytes())).isEqualTo("****");
    }
}
