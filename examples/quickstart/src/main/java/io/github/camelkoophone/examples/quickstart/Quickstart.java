package io.github.camelkoophone.examples.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.main.Main;

/**
 * The quickstart: an adb command on a batch of phones, a reset of some others, every task-completion event
 * logged, then a summary. Runs against an embedded simulator unless {@code camel.component.koophone.endpoint}
 * is configured (application.properties, -D, or CAMEL_COMPONENT_KOOPHONE_ENDPOINT), in which case the phones are
 * the ones listed in {@code quickstart.command-instances} and {@code quickstart.reset-instances}.
 */
public final class Quickstart {

    static final String ENDPOINT = "camel.component.koophone.endpoint";
    static final int SIMULATED_PHONES = 20;

    private Quickstart() {
    }

    public static void main(String[] args) throws Exception {
        TaskSummary summary = run();
        System.exit(summary.complete() ? 0 : 1);
    }

    /** Runs the quickstart to its end and returns what it saw. */
    public static TaskSummary run() throws Exception {
        Properties settings = applicationProperties();
        Main main = new Main();
        KooPhoneSimulator simulator = null;
        String target;
        try {
            if (configured(settings, ENDPOINT) == null) {
                simulator = KooPhoneSimulator.builder().port(0).instances(SIMULATED_PHONES).seed(2026)
                        .taskDuration(Duration.ofSeconds(3)).taskFailureRate(0.1).start();
                List<String> phones = simulator.inventory().ids();
                main.addOverrideProperty(ENDPOINT, simulator.url());
                main.addOverrideProperty("camel.component.koophone.auth-token", simulator.staticToken());
                main.addOverrideProperty("quickstart.command-instances", String.join(",", phones.subList(0, 12)));
                main.addOverrideProperty("quickstart.reset-instances", String.join(",", phones.subList(12, SIMULATED_PHONES)));
                target = "embedded simulator at " + simulator.url() + " (" + SIMULATED_PHONES + " phones)";
                settings.setProperty("quickstart.command-instances", String.join(",", phones.subList(0, 12)));
                settings.setProperty("quickstart.reset-instances", String.join(",", phones.subList(12, SIMULATED_PHONES)));
            } else {
                target = configured(settings, ENDPOINT);
                // whichever way they were given (-D, environment, file), the routes see the same phones
                for (String key : List.of("quickstart.command-instances", "quickstart.reset-instances")) {
                    String ids = configured(settings, key);
                    if (ids != null) {
                        main.addOverrideProperty(key, ids);
                    }
                }
            }
            int expected = count(configured(settings, "quickstart.command-instances"))
                           + count(configured(settings, "quickstart.reset-instances"));
            TaskSummary summary = new TaskSummary(expected, main::completed);
            main.bind("summary", summary);
            main.run();
            System.out.println(summary.report(target));
            return summary;
        } finally {
            if (simulator != null) {
                simulator.stop();
            }
        }
    }

    /** A setting from a system property, the environment (Camel Main's naming) or application.properties. */
    private static String configured(Properties settings, String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = settings.getProperty(key);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static int count(String ids) {
        return ids == null ? 0 : (int) Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).count();
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Quickstart.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }
}
