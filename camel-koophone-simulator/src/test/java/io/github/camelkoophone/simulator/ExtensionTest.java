package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import io.github.camelkoophone.simulator.state.SimInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExtensionTest {

    /** An instance field: a fresh simulator for every test. */
    @Nested
    class PerTest {
        @RegisterExtension
        final KooPhoneSimulatorExtension koophone = new KooPhoneSimulatorExtension(KooPhoneSimulator.builder().instances(2));

        @Test
        void startsBeforeAndIsInjected(KooPhoneSimulator sim) {
            assertThat(sim).isSameAs(koophone.simulator());
            assertThat(sim.isRunning()).isTrue();
            assertThat(koophone.url()).isEqualTo("http://127.0.0.1:" + koophone.port());
            assertThat(koophone.inventory().size()).isEqualTo(2);
        }
    }

    /** A static field with state kept between tests. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class KeepingState {
        @RegisterExtension
        static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b.instances(1))
                .keepStateBetweenTests();

        @Test
        @Order(1)
        void first(KooPhoneSimulator sim) {
            SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
            assertThat(KOOPHONE.journal().size()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void second() {
            assertThat(KOOPHONE.journal().size()).isEqualTo(1);
            assertThat(KOOPHONE.faults().rules()).isEmpty();
        }
    }

    @Test
    void defaultsAreUsable() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().start()) {
            assertThat(sim.inventory().size()).isEqualTo(KooPhoneSimulator.DEFAULT_INSTANCE_COUNT);
            assertThat(sim.staticToken()).isEqualTo(KooPhoneSimulator.DEFAULT_STATIC_TOKEN);
            assertThat(sim.accessKey().accessKey()).isEqualTo(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
            assertThat(sim.user().name()).isEqualTo(KooPhoneSimulator.DEFAULT_USER);
            assertThat(sim.user().toString()).doesNotContain(KooPhoneSimulator.DEFAULT_PASSWORD);
            assertThat(sim.accessKey().toString()).doesNotContain(KooPhoneSimulator.DEFAULT_SECRET_KEY);
        }
    }

    @Test
    void explicitInstancesReplaceTheGeneratedDefault() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder()
                .instance(new SimInstance("mine0001").runningStatus(SimInstance.STATUS_STOPPED).assignUser("u1"))
                .start()) {
            assertThat(sim.inventory().ids()).containsExactly("mine0001");
            SimInstance i = sim.inventory().require("mine0001");
            assertThat(i.assignStatus()).isEqualTo(1);
            assertThat(i.projectId()).isEqualTo(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        }
    }

    @Test
    void stopAndRestartKeepState() {
        KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(1).start();
        try {
            SimClient.of(sim).get("/v1/instances/sku");
            sim.stop();
            assertThat(sim.isRunning()).isFalse();
            sim.start();
            assertThat(sim.journal().size()).isEqualTo(1);
            assertThat(SimClient.of(sim).get("/v1/instances/sku").status()).isEqualTo(200);
        } finally {
            sim.stop();
        }
    }
}
