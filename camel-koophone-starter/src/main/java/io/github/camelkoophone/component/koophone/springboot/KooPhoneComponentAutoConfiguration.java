package io.github.camelkoophone.component.koophone.springboot;

import io.github.camelkoophone.component.cloud.springboot.CloudComponentCustomizer;
import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code koophone} component from {@code camel.component.koophone.*}, as camel-spring-boot's
 * generated starters do: Camel creates the component when a route first uses it, and this customizer copies the
 * properties onto it. {@code camel.component.koophone.enabled=false} (or {@code camel.component.enabled=false})
 * turns the auto-configuration off, {@code camel.component.koophone.customizer.enabled=false} just the copying.
 * <p>
 * Unlike the generated starters, the copy is deterministic when {@code configuration} (a shared
 * {@link KooPhoneConfiguration} bean) is set together with single options: a copy of the bean is applied first, then
 * the options whose value differs from the default, so the bean's values are not reset to the defaults.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, KooPhoneComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, KooPhoneComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.koophone" })
public class KooPhoneComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final KooPhoneComponentConfiguration configuration;

    public KooPhoneComponentAutoConfiguration(ApplicationContext applicationContext,
            KooPhoneComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureKooPhoneComponent() {
        return new CloudComponentCustomizer<>(applicationContext, "koophone", KooPhoneComponent.class,
                (camelContext, component) -> configure(camelContext, configuration, component));
    }

    /** Applies the properties to the component: {@code configuration} first, then every option not at its default. */
    static void configure(CamelContext camelContext, KooPhoneComponentConfiguration properties, KooPhoneComponent target) {
        CloudComponentCustomizer.copy(camelContext, properties, new KooPhoneComponentConfiguration(), target,
                KooPhoneConfiguration.class, shared -> target.setConfiguration(shared.copy()));
    }
}
