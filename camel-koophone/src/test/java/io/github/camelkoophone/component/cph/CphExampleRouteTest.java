package io.github.camelkoophone.component.cph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs docs/examples/cph-restart-flow.yaml, as documented, against the simulator's CPH mode. */
class CphExampleRouteTest {

    static final Path ROUTE = Path.of("..", "docs", "examples", "cph-restart-flow.yaml");

    @Test
    void listsRestartsThePhonesInTheStateAndLogsTheirJobs() throws Exception {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().port(0).cphPhones(8).taskDuration(Duration.ofMinutes(1)).start()) {
            List<String> shutDown = sim.cph().phoneIds().subList(2, 5);
            shutDown.forEach(id -> sim.cph().phoneStatus(id, 6));

            CamelContext context = new DefaultCamelContext();
            Properties props = new Properties();
            props.put("cph.jobs.sink", "mock:jobs");
            props.put("cph.jobs.delay", "50");
            context.getPropertiesComponent().setInitialProperties(props);
            CphComponent cph = new CphComponent();
            cph.getConfiguration().setEndpoint(sim.url());
            cph.getConfiguration().setProjectId(sim.projectId());
            cph.getConfiguration().setAccessKey(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
            cph.getConfiguration().setSecretKey(KooPhoneSimulator.DEFAULT_SECRET_KEY);
            context.addComponent("cph", cph);
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + ROUTE));
            MockEndpoint jobs = context.getEndpoint("mock:jobs", MockEndpoint.class);
            jobs.expectedMessageCount(3);
            context.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().count("restartCloudPhones") == 1);
                shutDown.forEach(id -> assertThat(sim.cph().phoneStatus(id)).isEqualTo(3));
                sim.clock().advance(Duration.ofMinutes(2));
                jobs.assertIsSatisfied(10_000);
                assertThat(jobs.getExchanges()).extracting(e -> e.getMessage().getHeader(CphConstants.PHONE_ID))
                        .containsExactlyInAnyOrderElementsOf(shutDown);
                assertThat(jobs.getExchanges()).extracting(e -> e.getMessage().getHeader(CphConstants.JOB_STATUS))
                        .containsOnly("SUCCEEDED");
            } finally {
                context.stop();
            }
        }
    }
}
