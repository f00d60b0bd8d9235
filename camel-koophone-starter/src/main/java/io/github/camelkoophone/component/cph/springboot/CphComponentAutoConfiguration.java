package io.github.camelkoophone.component.cph.springboot;

import io.github.camelkoophone.component.cloud.springboot.CloudComponentCustomizer;
import io.github.camelkoophone.component.cph.CphComponent;
import io.github.camelkoophone.component.cph.CphConfiguration;
import io.github.camelkoophone.component.koophone.springboot.KooPhoneComponentConverter;
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
 * Configures the {@code cph} component from {@code camel.component.cph.*}, the way
 * {@code KooPhoneComponentAutoConfiguration} configures {@code koophone}: Camel creates the component when a route
 * first uses it, and this customizer copies the properties onto it. {@code camel.component.cph.enabled=false} (or
 * {@code camel.component.enabled=false}) turns the auto-configuration off,
 * {@code camel.component.cph.customizer.enabled=false} just the copying.
 * <p>
 * {@code configuration} (a shared {@link CphConfiguration} bean) is applied first, as a copy, then the options whose
 * value differs from the default. Bean references ({@code configuration}, {@code job-store}, {@code task-log},
 * {@code ssl-context-parameters}) are bound by {@link KooPhoneComponentConverter}.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, KooPhoneComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, CphComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.cph" })
public class CphComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CphComponentConfiguration configuration;

    public CphComponentAutoConfiguration(ApplicationContext applicationContext, CphComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureCphComponent() {
        return new CloudComponentCustomizer<>(applicationContext, "cph", CphComponent.class,
                (camelContext, component) -> configure(camelContext, configuration, component));
    }

    /** Applies the properties to the component: {@code configuration} first, then every option not at its default. */
    static void configure(CamelContext camelContext, CphComponentConfiguration properties, CphComponent target) {
        CloudComponentCustomizer.copy(camelContext, properties, new CphComponentConfiguration(), target,
                CphConfiguration.class, shared -> target.setConfiguration(shared.copy()));
    }
}
