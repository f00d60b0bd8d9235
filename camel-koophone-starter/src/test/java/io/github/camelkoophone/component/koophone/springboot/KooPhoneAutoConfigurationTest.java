package io.github.camelkoophone.component.koophone.springboot;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.github.camelkoophone.component.cloud.tasks.LocalTaskLog;
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
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySummaryDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's switches, and the secrets masked in the actuator's {@code /env} and {@code /configprops}
 * even where an application shows values.
 */
class KooPhoneAutoConfigurationTest {

    private static final String MASK = "******";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KooPhoneComponentConverter.class,
                    KooPhoneComponentAutoConfiguration.class, KooPhoneActuatorAutoConfiguration.class));

    @Test
    void registersTheCustomizerAndTheProperties() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(KooPhoneComponentConfiguration.class);
            assertThat(context).hasBean("configureKooPhoneComponent");
            assertThat(context.getBean("configureKooPhoneComponent")).isInstanceOf(ComponentCustomizer.class);
            assertThat(context).hasSingleBean(SanitizingFunction.class);
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("camel.component.koophone.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("configureKooPhoneComponent");
            assertThat(context).doesNotHaveBean(KooPhoneComponentConfiguration.class);
        });
        runner.withPropertyValues("camel.component.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean("configureKooPhoneComponent"));
    }

    @Test
    void objectOptionsReferToBeans() {
        MemoryStateRepository store = new MemoryStateRepository();
        LocalTaskLog log = new LocalTaskLog("trackTasks", System::currentTimeMillis);
        runner.withBean("tasks", MemoryStateRepository.class, () -> store)
                .withBean("sharedLog", LocalTaskLog.class, () -> log)
                .withPropertyValues("camel.component.koophone.task-store=#bean:tasks",
                        "camel.component.koophone.task-log=#sharedLog",
                        "camel.component.koophone.retry-delay=250ms", "camel.component.koophone.request-timeout=1500")
                .run(context -> {
                    KooPhoneComponentConfiguration properties = context.getBean(KooPhoneComponentConfiguration.class);
                    assertThat(properties.getTaskStore()).isSameAs(store);
                    assertThat(properties.getTaskLog()).isSameAs(log);
                    assertThat(properties.getRetryDelay()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.getRequestTimeout()).as("a bare number is milliseconds").isEqualTo(Duration.ofMillis(1500));
                });
    }

    @Test
    void theSanitizerNeedsTheActuator() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("configureKooPhoneComponent");
            assertThat(context).doesNotHaveBean("kooPhoneSecretsSanitizingFunction");
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
                        "camel.component.koophone.endpoint=http://127.0.0.1:8089",
                        "camel.component.koophone.auth-token=token-123",
                        "camel.component.koophone.username=alice",
                        "camel.component.koophone.password=password-123",
                        "camel.component.koophone.accessKey=access-123")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "CAMEL_COMPONENT_KOOPHONE_SECRET_KEY", "secret-123",
                                "CAMEL_COMPONENT_KOOPHONE_SECURITYTOKEN", "security-123"))))
                .run(context -> {
                    EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
                    Map<String, Object> shown = new HashMap<>();
                    env.environment("(?i).*koophone.*").getPropertySources().forEach(source -> source.getProperties()
                            .forEach((key, value) -> shown.put(key, value.getValue())));
                    assertThat(shown).containsEntry("camel.component.koophone.endpoint", "http://127.0.0.1:8089")
                            .containsEntry("camel.component.koophone.username", MASK)
                            .containsEntry("camel.component.koophone.auth-token", MASK)
                            .containsEntry("camel.component.koophone.password", MASK)
                            .containsEntry("camel.component.koophone.accessKey", MASK)
                            .containsEntry("CAMEL_COMPONENT_KOOPHONE_SECRET_KEY", MASK)
                            .containsEntry("CAMEL_COMPONENT_KOOPHONE_SECURITYTOKEN", MASK);
                    PropertySummaryDescriptor entry = env.environmentEntry("camel.component.koophone.secret-key").getProperty();
                    assertThat(entry.getValue()).isEqualTo(MASK);

                    ConfigurationPropertiesBeanDescriptor bean = context.getBean(ConfigurationPropertiesReportEndpoint.class)
                            .configurationPropertiesWithPrefix("camel.component.koophone").getContexts().values().stream()
                            .flatMap(c -> c.getBeans().values().stream()).filter(Objects::nonNull).findFirst().orElseThrow();
                    assertThat(bean.getProperties()).containsEntry("endpoint", "http://127.0.0.1:8089")
                            .containsEntry("username", MASK)
                            .containsEntry("authToken", MASK)
                            .containsEntry("password", MASK)
                            .containsEntry("accessKey", MASK)
                            .containsEntry("secretKey", MASK)
                            .containsEntry("securityToken", MASK);
                    assertThat(bean.getInputs().toString()).doesNotContain("token-123", "password-123", "access-123",
                            "secret-123", "security-123", "alice").contains("http://127.0.0.1:8089");
                });
    }

    @Test
    @DisplayName("pins Spring Boot's default: without the sanitizer, the env endpoint with show-values=always shows the token")
    void pinsSpringBootsDefaultThatWithoutTheSanitizerTheEnvEndpointShowsTheToken() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KooPhoneComponentAutoConfiguration.class,
                        EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=env", "management.endpoint.env.show-values=always",
                        "camel.component.koophone.auth-token=token-123")
                .run(context -> assertThat(context.getBean(EnvironmentEndpoint.class)
                        .environmentEntry("camel.component.koophone.auth-token").getProperty().getValue())
                        .as(SpringBootPins.pins("with show-values=always the env endpoint masks no auth-token of its own"))
                        .isEqualTo("token-123"));
    }

    @Test
    void recognisesEverySpellingOfTheSecretKeys() {
        for (String key : new String[] { "camel.component.koophone.auth-token", "camel.component.koophone.authToken",
                "camel.component.koophone.authtoken", "CAMEL_COMPONENT_KOOPHONE_AUTH_TOKEN", "camel.component.koophone.password",
                "camel.component.koophone.secret-key", "camel.component.koophone.access-key",
                "camel.component.koophone.security-token", "camel.component.koophone.configuration.password",
                "camel.component.koophone.username" }) {
            assertThat(KooPhoneActuatorAutoConfiguration.KooPhoneSecretsSanitizer.isSecret(key)).as(key).isTrue();
        }
        for (String key : new String[] { "camel.component.koophone.endpoint", "camel.component.koophone.domain-name",
                "camel.component.koophone.project-id", "camel.component.koophone.task-id", "spring.datasource.url",
                "other.auth-token", null }) {
            assertThat(KooPhoneActuatorAutoConfiguration.KooPhoneSecretsSanitizer.isSecret(key)).as(key).isFalse();
        }
    }

    @Test
    void recognisesEverySpellingOfTheCphSecretKeys() {
        for (String key : new String[] { "camel.component.cph.auth-token", "camel.component.cph.authToken",
                "CAMEL_COMPONENT_CPH_AUTH_TOKEN", "camel.component.cph.username", "camel.component.cph.password",
                "camel.component.cph.access-key", "CAMEL_COMPONENT_CPH_SECRETKEY", "camel.component.cph.security-token",
                "camel.component.cph.configuration.password" }) {
            assertThat(KooPhoneActuatorAutoConfiguration.KooPhoneSecretsSanitizer.isSecret(key)).as(key).isTrue();
        }
        for (String key : new String[] { "camel.component.cph.region", "camel.component.cph.project-id",
                "camel.component.cph.endpoint", "camel.component.cph.domain-name", "camel.component.cph.job-id",
                "camel.component.cph.request-id" }) {
            assertThat(KooPhoneActuatorAutoConfiguration.KooPhoneSecretsSanitizer.isSecret(key)).as(key).isFalse();
        }
    }
}
