package io.github.camelkoophone.examples.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded KooPhone simulator when {@code camel.component.koophone.endpoint} is not configured (in
 * application.yaml, as {@code -D} or as the environment variable {@code CAMEL_COMPONENT_KOOPHONE_ENDPOINT}), and points
 * the component at it: endpoint, IAM endpoint and the simulator's IAM user, plus {@code example.phones}.
 * <p>
 * An {@link EnvironmentPostProcessor} runs before any bean exists, so the starter binds these properties like any
 * others. They are added last: whatever application.yaml, {@code -D} or the environment set wins. The simulator is a
 * bean ({@code koophoneSimulator}) stopped with the application context, after Camel.
 */
public class EmbeddedSimulator implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "camel.component.koophone.endpoint";
    static final String PROPERTY_SOURCE = "koophoneEmbeddedSimulator";

    private final Log log;

    public EmbeddedSimulator(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedSimulator.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        KooPhoneSimulator simulator = start(environment);
        if (simulator != null) {
            application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("koophoneSimulator",
                    KooPhoneSimulator.class, () -> simulator, definition -> definition.setDestroyMethodName("stop")));
            application.addListeners((ApplicationListener<ApplicationFailedEvent>) event -> simulator.stop());
        }
    }

    /** Starts the simulator and adds its properties, unless an endpoint is configured; returns it, or null. */
    KooPhoneSimulator start(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        if (environment.containsProperty(ENDPOINT)
                || !binder.bind("example.simulator.enabled", Boolean.class).orElse(true)) {
            return null;
        }
        KooPhoneSimulator simulator = KooPhoneSimulator.builder()
                .port(binder.bind("example.simulator.port", Integer.class).orElse(0))
                .instances(binder.bind("example.simulator.instances", Integer.class).orElse(5))
                .taskDuration(binder.bind("example.simulator.task-duration", Duration.class).orElse(Duration.ofSeconds(2)))
                .taskFailureRate(binder.bind("example.simulator.failure-rate", Double.class).orElse(0.0))
                .start();
        List<String> phones = simulator.inventory().ids();

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ENDPOINT, simulator.url());
        properties.put("camel.component.koophone.iam-endpoint", simulator.url());
        // IAM password login, as against the real cloud: the component fetches a token and caches it
        properties.put("camel.component.koophone.username", KooPhoneSimulator.DEFAULT_USER);
        properties.put("camel.component.koophone.password", KooPhoneSimulator.DEFAULT_PASSWORD);
        properties.put("camel.component.koophone.domain-name", KooPhoneSimulator.DEFAULT_DOMAIN);
        properties.put("camel.component.koophone.project-name", KooPhoneSimulator.DEFAULT_PROJECT_NAME);
        properties.put("example.phones", String.join(",", phones.subList(0, Math.min(3, phones.size()))));
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
        log.info("No " + ENDPOINT + " configured: started an embedded KooPhone simulator at " + simulator.url()
                + " with " + phones.size() + " phones");
        return simulator;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yaml and the other property sources are loaded
    }
}
