package io.github.camelkoophone.component.cph.springboot.test;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelkoophone.component.koophone.springboot.SpringBootPins;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code camel.component.cph.*} decides when the application starts: a missing setting stops it with Spring
 * Boot's failure report naming the {@code camel.component.cph.*} property (no request sent), and
 * {@code health-check-consumer-enabled} registers the cph consumers' health checks or not.
 */
@ExtendWith(OutputCaptureExtension.class)
class CphStartupTest {

    private KooPhoneSimulator sim;

    @BeforeEach
    void start() {
        sim = KooPhoneSimulator.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PhonesApp {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("cph:phones?delay=60000").routeId("cph-phones").log("${body}");
                }
            };
        }
    }

    /** Only a jobs consumer: its credentials are checked by the code the two components share. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class JobsApp {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("cph:jobs?delay=60000").routeId("cph-jobs").log("${body}");
                }
            };
        }
    }

    @Test
    void aJobsConsumerWithoutCredentialsNamesTheCphProperties(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(JobsApp.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "camel.component.cph.endpoint=" + sim.url(),
                        "camel.component.cph.project-id=" + sim.projectId()).run().close())
                .rootCause().hasMessageContaining("no credentials");
        assertThat(output.getOut()).contains("The cph component cannot start: credentials: no credentials")
                .contains("camel.component.cph.auth-token")
                .doesNotContain("camel.component.koophone.");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void withoutRegionTheReportNamesTheCphProperty(CapturedOutput output) {
        assertThatThrownBy(() -> application().run().close()).rootCause().hasMessageContaining("region: is required");
        assertThat(output.getOut()).as(SpringBootPins.pins("its failure report starts with APPLICATION FAILED TO START"))
                .contains("APPLICATION FAILED TO START");
        assertThat(output.getOut()).contains("The cph component cannot start: region: is required (or endpoint)")
                .contains("Set camel.component.cph.region (or region on the cph: endpoint URI that fails)");
    }

    @Test
    void withoutProjectIdTheReportNamesTheCphProperty(CapturedOutput output) {
        assertThatThrownBy(() -> application().properties("camel.component.cph.endpoint=" + sim.url()).run().close())
                .rootCause().hasMessageContaining("projectId: is required");
        assertThat(output.getOut()).contains("The cph component cannot start: projectId: is required")
                .contains("Set camel.component.cph.project-id")
                .doesNotContain("camel.component.koophone.");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void withoutCredentialsTheReportNamesTheCphProperties(CapturedOutput output) {
        assertThatThrownBy(() -> application().properties("camel.component.cph.endpoint=" + sim.url(),
                "camel.component.cph.project-id=" + sim.projectId()).run().close())
                .rootCause().hasMessageContaining("no credentials");
        assertThat(output.getOut()).contains("The cph component cannot start: credentials: no credentials")
                .contains("Set the CPH credentials")
                .contains("camel.component.cph.auth-token")
                .contains("camel.component.cph.secret-key")
                .doesNotContain("camel.component.koophone.");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void healthCheckConsumerEnabledSwitchesTheConsumersChecks() {
        assertThat(healthChecks()).contains("consumer:cph-phones");
        assertThat(healthChecks("camel.component.cph.health-check-consumer-enabled=false"))
                .isNotEmpty().doesNotContain("consumer:cph-phones");
    }

    private Set<String> healthChecks(String... properties) {
        try (ConfigurableApplicationContext context = application().properties("camel.component.cph.endpoint=" + sim.url(),
                "camel.component.cph.project-id=" + sim.projectId(), "camel.component.cph.auth-token=" + sim.staticToken())
                .properties(properties).run()) {
            return HealthCheckHelper.invoke(context.getBean(CamelContext.class)).stream()
                    .map(result -> result.getCheck().getId()).collect(Collectors.toSet());
        }
    }

    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PhonesApp.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off");
    }
}
