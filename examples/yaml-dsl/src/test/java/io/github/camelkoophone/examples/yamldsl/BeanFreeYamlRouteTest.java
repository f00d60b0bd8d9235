package io.github.camelkoophone.examples.yamldsl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/examples/koophone-command.yaml with its properties, as Camel JBang runs them: Camel Main loads both, binds
 * camel.component.koophone.* from the properties, and the route sends the command and reports each phone's job.
 * Only what a user passes as environment variables is set here (the simulator's URL and phone ids), and the
 * results go to a route of the test instead of the log.
 */
class BeanFreeYamlRouteTest {

    static final Path DOCS = Path.of("..", "..", "docs", "examples");

    @Test
    void theCommandRunsOnEveryPhoneAndEachJobIsReported() throws Exception {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().port(0).instances(3).taskDuration(Duration.ofMillis(300))
                .start()) {
            List<String> phones = sim.inventory().ids();
            List<Exchange> results = new CopyOnWriteArrayList<>();
            Main main = new Main();
            main.setPropertyPlaceholderLocations("file:" + DOCS.resolve("koophone-command.properties"));
            main.configure().withRoutesIncludePattern("file:" + DOCS.resolve("koophone-command.yaml"));
            main.addOverrideProperty("camel.component.koophone.endpoint", sim.url());
            main.addOverrideProperty("koophone.phones", String.join(",", phones));
            main.addOverrideProperty("koophone.tasks.delay", "100");
            main.addOverrideProperty("koophone.results.sink", "direct:results");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:results").process(results::add);
                }
            });
            main.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (results.size() < phones.size() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                main.stop();
            }

            assertThat(sim.journal().count("asyncCommand")).isEqualTo(1);
            assertThat(results).extracting(e -> e.getMessage().getHeader("CamelKooPhoneInstanceId", String.class))
                    .containsExactlyInAnyOrderElementsOf(phones);
            assertThat(sim.tasks().all()).singleElement().satisfies(task ->
                    assertThat(task.operation()).isEqualTo("asyncCommand"));
        }
    }
}
