package io.github.camelkoophone.component.cloud.springboot;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.context.ApplicationContext;

/**
 * The {@link ComponentCustomizer} of the {@code koophone} and {@code cph} auto-configurations: applies to the
 * components of one type, unless {@code camel.component.customizer.enabled} or
 * {@code camel.component.<scheme>.customizer.enabled} is {@code false}, and then runs the auto-configuration's
 * copy of its properties (usually {@link #copy}).
 */
public final class CloudComponentCustomizer<T extends Component> implements ComponentCustomizer {

    private final ApplicationContext applicationContext;
    private final String scheme;
    private final Class<T> type;
    private final BiConsumer<CamelContext, T> configure;

    public CloudComponentCustomizer(ApplicationContext applicationContext, String scheme, Class<T> type,
            BiConsumer<CamelContext, T> configure) {
        this.applicationContext = applicationContext;
        this.scheme = scheme;
        this.type = type;
        this.configure = configure;
    }

    @Override
    public void configure(String name, Component target) {
        configure.accept(target.getCamelContext(), type.cast(target));
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                "camel.component." + scheme + ".customizer") && type.isInstance(target);
    }

    /**
     * Applies {@code properties} to {@code target}: the {@code configuration} bean first (when set, handed to
     * {@code useConfiguration}, which sets a copy of it), then every option whose value differs from its value in
     * {@code defaults} (a fresh properties object), so the defaults do not reset what the bean sets.
     */
    public static <C> void copy(CamelContext camelContext, ComponentConfigurationPropertiesCommon properties,
            ComponentConfigurationPropertiesCommon defaults, Component target, Class<C> configurationType,
            Consumer<C> useConfiguration) {
        Map<String, Object> values = CamelPropertiesHelper.getNonNullProperties(camelContext, properties);
        Map<String, Object> defaultValues = CamelPropertiesHelper.getNonNullProperties(camelContext, defaults);
        // ComponentConfigurationPropertiesCommon's own switches, not component options
        values.remove("enabled");
        values.remove("customizer");
        Object shared = values.remove("configuration");
        if (configurationType.isInstance(shared)) {
            useConfiguration.accept(configurationType.cast(shared));
        }
        values.entrySet().removeIf(e -> Objects.equals(e.getValue(), defaultValues.get(e.getKey())));
        CamelPropertiesHelper.setCamelProperties(camelContext, target, values, true);
    }
}
