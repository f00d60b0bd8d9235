package io.github.camelkoophone.kamelets;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kamelets of this module as YAML pipes in Camel Main (src/test/resources/pipes), against the simulator: the
 * command sink starts one asyncCommand, the task-event source emits each phone's job as JSON, the reset sink resets
 * the phone its body names, and the instance-status source emits every phone's status as JSON.
 */
class KameletPipesTest {

    @Test
    void sinksCallTheApiAndSourcesEmitItsEventsAsJson() throws Exception {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().port(0).instances(3).taskDuration(Duration.ofMillis(200))
                .start()) {
            List<String> phones = sim.inventory().ids();
            List<String> events = new CopyOnWriteArrayList<>();
            List<String> statuses = new CopyOnWriteArrayList<>();
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:pipes/*.yaml");
            Properties settings = new Properties();
            // configured once on the component, as the kamelets' docs advise
            settings.put("camel.component.koophone.endpoint", sim.url());
            settings.put("camel.component.koophone.auth-token", sim.staticToken());
            // a kamelet parameter from the properties, as camel.kamelet.<name>.<parameter>
            settings.put("camel.kamelet.koophone-instance-status-source.instanceIds", String.join(",", phones));
            main.setInitialProperties(settings);
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:events").process(e -> events.add(e.getMessage().getBody(String.class)));
                    from("direct:statuses").process(e -> statuses.add(e.getMessage().getBody(String.class)));
                }
            });
            main.start();
            try {
                ProducerTemplate template = main.getCamelContext().createProducerTemplate();
                template.sendBodyAndHeader("direct:commands", "getprop ro.product.model", "CamelKooPhoneInstanceIds",
                        String.join(",", phones.subList(0, 2)));
                await(() -> events.size() >= 2);
                template.sendBody("direct:resets", phones.get(2));
                await(() -> events.size() >= 3 && statuses.size() >= phones.size());
            } finally {
                main.stop();
            }

            assertThat(sim.journal().count("asyncCommand")).isEqualTo(1);
            assertThat(sim.journal().count("batchReset")).isEqualTo(1);
            assertThat(sim.tasks().all()).extracting(t -> t.operation()).containsExactlyInAnyOrder("asyncCommand",
                    "batchReset");
            assertThat(events).hasSize(3).allSatisfy(json -> assertThat(json).startsWith("{").contains("\"job_id\""));
            for (String phone : phones) {
                assertThat(events).anySatisfy(json -> assertThat(json).contains("\"" + phone + "\""));
                assertThat(statuses).anySatisfy(json -> assertThat(json).startsWith("{").contains("\"" + phone + "\""));
            }
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
