package io.github.camelkoophone.component.cph.springboot;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.github.camelkoophone.component.cph.CphComponent;
import io.github.camelkoophone.component.cph.CphConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.springboot.KooPhoneActuatorAutoConfiguration;
import io.github.camelkoophone.component.koophone.springboot.KooPhoneComponentAutoConfiguration;
import io.github.camelkoophone.component.koophone.springboot.KooPhoneComponentConverter;
import io.github.camelkoophone.component.koophone.springboot.SpringBootPins;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.cph.*} reaches the {@code cph} component Camel creates, the auto-configuration's switches,
 * and the cph secrets masked in the actuator's {@code /env} and {@code /configprops} where an application shows
 * values.
 */
class CphAutoConfigurationTest {

    private static final String MASK = "******";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KooPhoneComponentConverter.class,
                    KooPhoneComponentAutoConfiguration.class, CphComponentAutoConfiguration.class,
                    KooPhoneActuatorAutoConfiguration.class));

    @Test
    void thePropertiesReachTheStartedComponent() {
        runner.withPropertyValues("camel.component.cph.region=cn-east-3",
                        "camel.component.cph.project-id=project-1",
                        "camel.component.cph.job-timeout=5m",
                        "camel.component.cph.request-timeout=1500",
                        "camel.component.cph.rate-limit-mode=fixed",
                        "camel.component.cph.max-requests-per-second=2.5",
                        "camel.component.cph.health-check-consumer-enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CphComponent component = cph(context);
                    assertThat(component.isStarted()).isTrue();
                    CphConfiguration c = component.getConfiguration();
                    assertThat(c.getRegion()).isEqualTo("cn-east-3");
                    assertThat(c.getEndpoint()).isEqualTo("https://cph.cn-east-3.myhuaweicloud.com");
                    assertThat(c.getProjectId()).isEqualTo("project-1");
                    assertThat(c.getJobTimeout()).isEqualTo(300_000);
                    assertThat(c.getRequestTimeout()).as("a bare number is milliseconds").isEqualTo(1_500);
                    assertThat(c.getRateLimitMode()).isEqualTo("fixed");
                    assertThat(c.getMaxRequestsPerSecond()).isEqualTo(2.5);
                    assertThat(c.getMaxRetries()).as("untouched default").isEqualTo(3);
                    assertThat(component.isHealthCheckConsumerEnabled()).isFalse();
                    assertThat(component.isHealthCheckProducerEnabled()).as("untouched default").isTrue();
                    // the koophone component's own properties are apart
                    assertThat(context.getBean(CamelContext.class).getComponent("koophone", KooPhoneComponent.class)
                            .getConfiguration().getProjectId()).isNull();
                });
    }

    @Test
    void objectOptionsReferToBeans() {
        MemoryStateRepository store = new MemoryStateRepository();
        CphConfiguration shared = new CphConfiguration();
        shared.setRegion("ap-southeast-1");
        shared.setMaxRetries(7);
        runner.withBean("jobs", MemoryStateRepository.class, () -> store)
                .withBean("sharedCph", CphConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.cph.job-store=#bean:jobs", "camel.component.cph.configuration=#sharedCph",
                        "camel.component.cph.project-id=project-2")
                .run(context -> {
                    CphConfiguration c = cph(context).getConfiguration();
                    assertThat(c.getJobStore()).isSameAs(store);
                    assertThat(c.getRegion()).as("from the configuration bean").isEqualTo("ap-southeast-1");
                    assertThat(c.getMaxRetries()).as("from the configuration bean").isEqualTo(7);
                    assertThat(c.getProjectId()).isEqualTo("project-2");
                    assertThat(c).as("a copy of the bean").isNotSameAs(shared);
                });
    }

    @Test
    void registersTheCustomizerAndTheProperties() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(CphComponentConfiguration.class);
            assertThat(context).hasBean("configureCphComponent");
            assertThat(context.getBean("configureCphComponent")).isInstanceOf(ComponentCustomizer.class);
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("camel.component.cph.enabled=false", "camel.component.cph.region=cn-east-3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("configureCphComponent");
                    assertThat(context).doesNotHaveBean(CphComponentConfiguration.class);
                    assertThat(context).as("koophone's stays on").hasBean("configureKooPhoneComponent");
                    assertThat(cph(context).getConfiguration().getRegion()).isNull();
                });
        runner.withPropertyValues("camel.component.cph.customizer.enabled=false", "camel.component.cph.region=cn-east-3")
                .run(context -> {
                    assertThat(context).hasBean("configureCphComponent");
                    assertThat(cph(context).getConfiguration().getRegion()).isNull();
                });
        runner.withPropertyValues("camel.component.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean("configureCphComponent"));
        runner.withPropertyValues("camel.component.koophone.enabled=false", "camel.component.cph.region=cn-east-3")
                .run(context -> {
                    assertThat(context).doesNotHaveBean("configureKooPhoneComponent");
                    assertThat(cph(context).getConfiguration().getRegion()).isEqualTo("cn-east-3");
                });
    }

    @Test
    void secretsAreMaskedInEnvAndConfigpropsWhereValuesAreShown() {
        runner.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class))
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=env,configprops",
                        "management.endpoint.env.show-values=always",
                        "management.endpoint.configprops.show-values=always",
                        "camel.component.cph.region=cn-east-3",
                        "camel.component.cph.project-id=project-1",
                        "camel.component.cph.auth-token=token-123",
                        "camel.component.cph.username=alice",
                        "camel.component.cph.password=password-123",
                        "camel.component.cph.accessKey=access-123")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "CAMEL_COMPONENT_CPH_SECRET_KEY", "secret-123",
                                "CAMEL_COMPONENT_CPH_SECURITYTOKEN", "security-123"))))
                .run(context -> {
                    EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
                    Map<String, Object> shown = new HashMap<>();
                    env.environment("(?i).*cph.*").getPropertySources().forEach(source -> source.getProperties()
                            .forEach((key, value) -> shown.put(key, value.getValue())));
                    assertThat(shown).containsEntry("camel.component.cph.region", "cn-east-3")
                            .containsEntry("camel.component.cph.project-id", "project-1")
                            .containsEntry("camel.component.cph.auth-token", MASK)
                            .containsEntry("camel.component.cph.username", MASK)
                            .containsEntry("camel.component.cph.password", MASK)
                            .containsEntry("camel.component.cph.accessKey", MASK)
                            .containsEntry("CAMEL_COMPONENT_CPH_SECRET_KEY", MASK)
                            .containsEntry("CAMEL_COMPONENT_CPH_SECURITYTOKEN", MASK);
                    assertThat(env.environmentEntry("camel.component.cph.secret-key").getProperty().getValue()).isEqualTo(MASK);

                    ConfigurationPropertiesBeanDescriptor bean = context.getBean(ConfigurationPropertiesReportEndpoint.class)
                            .configurationPropertiesWithPrefix("camel.component.cph").getContexts().values().stream()
                            .flatMap(c -> c.getBeans().values().stream()).filter(Objects::nonNull).findFirst().orElseThrow();
                    assertThat(bean.getPrefix()).isEqualTo("camel.component.cph");
                    assertThat(bean.getProperties()).containsEntry("region", "cn-east-3")
                            .containsEntry("projectId", "project-1")
                            .containsEntry("authToken", MASK)
                            .containsEntry("username", MASK)
                            .containsEntry("password", MASK)
                            .containsEntry("accessKey", MASK)
                            .containsEntry("secretKey", MASK)
                            .containsEntry("securityToken", MASK);
                    assertThat(bean.getInputs().toString()).doesNotContain("token-123", "password-123", "access-123",
                            "secret-123", "security-123", "alice").contains("cn-east-3");
                });
    }

    @Test
    @DisplayName("pins Spring Boot's default: without the sanitizer, the env endpoint with show-values=always shows the token")
    void pinsSpringBootsDefaultThatWithoutTheSanitizerTheEnvEndpointShowsTheToken() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, CphComponentAutoConfiguration.class,
                        EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=env", "management.endpoint.env.show-values=always",
                        "camel.component.cph.auth-token=token-123")
                .run(context -> assertThat(context.getBean(EnvironmentEndpoint.class)
                        .environmentEntry("camel.component.cph.auth-token").getProperty().getValue())
                        .as(SpringBootPins.pins("with show-values=always the env endpoint masks no auth-token of its own"))
                        .isEqualTo("token-123"));
    }

    private static CphComponent cph(AssertableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("cph", CphComponent.class);
    }
}
