package io.github.camelkoophone.component.koophone.springboot.test;

import io.github.camelkoophone.component.koophone.springboot.SpringBootPins;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Without credentials the application does not start (a consumer or an eagerly started producer checks them), or,
 * with {@code lazy-start-producer}, the first call fails; either way the error names the missing options, and no
 * request reaches the API.
 */
@ExtendWith(OutputCaptureExtension.class)
class KooPhoneMissingCredentialsTest {

    private static KooPhoneSimulator sim;

    @BeforeAll
    static void start() {
        sim = KooPhoneSimulator.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TasksApp {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("koophone:tasks").routeId("task-events").log("${body}");
                }
            };
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProducerOnlyApp {
    }

    @Test
    void theApplicationDoesNotStartAndSaysWhichCredentialsAreMissing(CapturedOutput output) {
        assertThatThrownBy(() -> application(TasksApp.class).run().close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials")
                .hasMessageContaining("authToken")
                .hasMessageContaining("accessKey");
        assertThat(sim.journal().size()).isZero();
        // Spring Boot's failure report, in property names
        assertThat(output.getOut()).as(SpringBootPins.pins("its failure report starts with APPLICATION FAILED TO START"))
                .contains("APPLICATION FAILED TO START");
        assertThat(output.getOut()).contains("The koophone component cannot start: credentials: no credentials")
                .contains("camel.component.koophone.auth-token")
                .contains("camel.component.koophone.secret-key");
    }

    @Test
    void anIncompletePasswordLoginNamesTheMissingOption(CapturedOutput output) {
        assertThatThrownBy(() -> application(TasksApp.class)
                .properties("camel.component.koophone.username=" + KooPhoneSimulator.DEFAULT_USER,
                        "camel.component.koophone.password=" + KooPhoneSimulator.DEFAULT_PASSWORD)
                .run().close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domainName")
                .hasMessageNotContaining(KooPhoneSimulator.DEFAULT_PASSWORD);
        assertThat(output.getOut()).contains("Set camel.component.koophone.domain-name")
                .doesNotContain(KooPhoneSimulator.DEFAULT_PASSWORD);
    }

    @Test
    void withLazyStartProducerTheFirstCallFails() {
        try (ConfigurableApplicationContext context = application(ProducerOnlyApp.class)
                .properties("camel.component.koophone.lazy-start-producer=true").run()) {
            ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
            assertThatThrownBy(() -> template.sendBody("koophone:asyncCommand?instanceIds=a1&command=ls", null))
                    .isInstanceOf(CamelExecutionException.class)
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("credentials");
        }
        assertThat(sim.journal().size()).isZero();
    }

    private static SpringApplicationBuilder application(Class<?> app) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
                .properties("camel.component.koophone.endpoint=" + sim.url(),
                        "camel.component.koophone.iam-endpoint=" + sim.url(),
                        "spring.main.banner-mode=off");
    }
}
