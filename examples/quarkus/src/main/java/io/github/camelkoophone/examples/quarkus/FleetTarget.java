package io.github.camelkoophone.examples.quarkus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the fleet check sends its calls: the endpoint configured as {@code camel.component.koophone.endpoint}, or,
 * when none is, an embedded simulator that lives as long as this bean. Quarkus resolves the configuration before
 * the CamelContext is built, so the choice is made here, in the bean that also hands Camel its {@code koophone}
 * component.
 */
@Singleton
public class FleetTarget {

    /** Phones of the embedded simulator: all but the last are the batch, the last is reset. */
    public static final int SIMULATED_PHONES = 6;

    private final KooPhoneSimulator simulator;
    private final List<String> batch;
    private final List<String> reset;
    private final String description;

    public FleetTarget(@ConfigProperty(name = "camel.component.koophone.endpoint") Optional<String> endpoint,
                       @ConfigProperty(name = "fleet.phones") Optional<List<String>> phones,
                       @ConfigProperty(name = "fleet.reset-phone") Optional<List<String>> resetPhone) {
        if (endpoint.isPresent()) {
            simulator = null;
            batch = phones.orElseThrow(() -> missing("fleet.phones", endpoint.get()));
            reset = resetPhone.orElseThrow(() -> missing("fleet.reset-phone", endpoint.get()));
            description = endpoint.get();
        } else {
            // one job in five fails on purpose, so the report shows both outcomes; the seed keeps the run repeatable
            simulator = KooPhoneSimulator.builder().port(0).instances(SIMULATED_PHONES).seed(2026)
                    .taskDuration(Duration.ofSeconds(1)).taskFailureRate(0.2).start();
            List<String> ids = simulator.inventory().ids();
            batch = ids.subList(0, SIMULATED_PHONES - 1);
            reset = ids.subList(SIMULATED_PHONES - 1, SIMULATED_PHONES);
            description = "embedded simulator at " + simulator.url() + " (" + ids.size() + " phones)";
        }
    }

    private static IllegalStateException missing(String key, String endpoint) {
        return new IllegalStateException("Set " + key + " to the comma-separated ids of the phones to use on " + endpoint);
    }

    /**
     * The component the routes' {@code koophone:} URIs resolve to: Camel Quarkus looks a component up in the CDI
     * registry by its name before it creates one, and then still applies the {@code camel.component.koophone.*}
     * properties to it. Only the simulator's URL and token are set here; real credentials come from those properties.
     */
    @Produces
    @Singleton
    @Named("koophone")
    KooPhoneComponent koophone() {
        KooPhoneComponent component = new KooPhoneComponent();
        if (simulator != null) {
            component.getConfiguration().setEndpoint(simulator.url());
            component.getConfiguration().setAuthToken(simulator.staticToken());
        }
        return component;
    }

    public List<String> batch() {
        return batch;
    }

    public List<String> reset() {
        return reset;
    }

    public Optional<KooPhoneSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    @PreDestroy
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
