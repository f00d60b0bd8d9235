package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b.instances(1));

    @Test
    void missingRequestIdIsHttp200WithBusinessError0002(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).noRequestId().post("/v1/instances/batch-reset",
                Map.of("instance_ids", sim.inventory().ids()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).isEqualTo("KOOPHONE.API.0002");
        assertThat(sim.journal().last().orElseThrow().executed()).isFalse();
        assertThat(sim.tasks().all()).isEmpty();
    }

    @Test
    void operationsWithoutTheHeaderInTheReferenceDoNotNeedIt(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        assertThat(SimClient.of(sim).noRequestId().post("/v1/instances/" + id + "/auth", null).code()).isEqualTo("0");
        assertThat(SimClient.of(sim).noRequestId().get("/v1/instances/sku").code()).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0", "g123456789abcdef0123456789abcdef"})
    void malformedRequestIdIs400With0003(String requestId, KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).requestId(requestId).post("/v1/instances/batch-query-status",
                Map.of("instance_ids", List.of("a")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("KOOPHONE.API.0003");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "123e4567-e89b-12d3-a456-426614174000",
            "123E4567-E89B-12D3-A456-426614174000"})
    void hexAndUuidFormsAreWellFormed(String requestId, KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).requestId(requestId).post("/v1/instances/batch-query-status",
                Map.of("instance_ids", List.of("a")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).isEqualTo("0");
        assertThat(r.header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void malformedIdIsCheckedEvenWhereTheHeaderIsOptional(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).requestId("bad").get("/v1/instances/sku");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("KOOPHONE.API.0003");
    }

    @Test
    void authenticationComesFirst(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).noAuth().noRequestId().post("/v1/instances/batch-query-status",
                Map.of("instance_ids", List.of("a")));
        assertThat(r.status()).isEqualTo(401);
    }
}
