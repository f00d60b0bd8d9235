package io.github.camelkoophone.examples.yamldsl;

import io.github.camelkoophone.examples.support.FleetCheck;
import org.apache.camel.main.Main;

/**
 * Runs the fleet check whose routes are {@code routes/fleet-check.yaml} (Camel Main loads them, see
 * application.properties), on an embedded simulator unless a KooPhone endpoint is configured.
 */
public final class YamlDslExample {

    private YamlDslExample() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run().ok() ? 0 : 1);
    }

    public static FleetCheck.Outcome run() throws Exception {
        return FleetCheck.run(new Main());
    }
}
