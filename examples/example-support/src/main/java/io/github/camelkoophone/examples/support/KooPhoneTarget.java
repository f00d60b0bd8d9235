package io.github.camelkoophone.examples.support;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.main.Main;

/**
 * Where an example sends its KooPhone calls: the endpoint configured as {@code camel.component.koophone.endpoint}
 * (with credentials in {@code camel.component.koophone.*}), or, when none is, an embedded simulator started here
 * and stopped on {@link #close()}. Either way the Camel Main it is given ends up pointing at the target.
 */
public final class KooPhoneTarget implements AutoCloseable {

    public static final String ENDPOINT = "camel.component.koophone.endpoint";
    static final String AUTH_TOKEN = "camel.component.koophone.auth-token";

    private final Main main;
    private final Settings settings;
    private final KooPhoneSimulator simulator;
    private final String description;

    private KooPhoneTarget(Main main, Settings settings, KooPhoneSimulator simulator, String description) {
        this.main = main;
        this.settings = settings;
        this.simulator = simulator;
        this.description = description;
    }

    /**
     * The configured endpoint, or a simulator built by {@code simulator} (on a free port) and started.
     */
    public static KooPhoneTarget choose(Main main, UnaryOperator<KooPhoneSimulator.Builder> simulator) {
        Settings settings = Settings.load();
        String endpoint = settings.get(ENDPOINT);
        if (endpoint != null) {
            // Camel Main 4.18 ignores CAMEL_COMPONENT_* environment variables: pass on what was found, wherever it was
            main.addOverrideProperty(ENDPOINT, endpoint);
            return new KooPhoneTarget(main, settings, null, endpoint);
        }
        KooPhoneSimulator sim = simulator.apply(KooPhoneSimulator.builder().port(0)).start();
        main.addOverrideProperty(ENDPOINT, sim.url());
        main.addOverrideProperty(AUTH_TOKEN, sim.staticToken());
        return new KooPhoneTarget(main, settings, sim, "embedded simulator at " + sim.url() + " ("
                                                       + sim.inventory().size() + " phones)");
    }

    /**
     * The phones an example uses under {@code key}: on the simulator, its phones {@code from} (inclusive) to
     * {@code to} (exclusive); otherwise the comma-separated ids configured under {@code key}, which must be set.
     * The routes see the same list as {@code {{key}}}.
     */
    public List<String> phones(String key, int from, int to) {
        List<String> ids = simulator != null ? simulator.inventory().ids().subList(from, to) : settings.list(key);
        if (ids.isEmpty()) {
            throw new IllegalStateException("Set " + key + " (or " + key.toUpperCase().replace('.', '_').replace('-', '_')
                                            + ") to the comma-separated ids of the phones to use on " + description);
        }
        main.addOverrideProperty(key, String.join(",", ids));
        return ids;
    }

    /** The embedded simulator, when that is the target. */
    public Optional<KooPhoneSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.stop();
        }
    }
}
