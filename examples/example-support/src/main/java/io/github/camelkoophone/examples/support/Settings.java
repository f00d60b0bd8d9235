package io.github.camelkoophone.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The examples' settings as Camel Main will see them, readable before Camel starts: a system property, else an
 * environment variable in Camel Main's naming ({@code camel.component.koophone.endpoint} is
 * {@code CAMEL_COMPONENT_KOOPHONE_ENDPOINT}), else the example's {@code application.properties}.
 */
public final class Settings {

    private final Properties file;

    private Settings(Properties file) {
        this.file = file;
    }

    /** The settings of the application whose {@code application.properties} is on the classpath. */
    public static Settings load() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        return new Settings(properties);
    }

    /** The value, or null when it is unset or blank. */
    public String get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    public boolean isSet(String key) {
        return get(key) != null;
    }

    /** A comma-separated list; empty when unset. */
    public List<String> list(String key) {
        String value = get(key);
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }
}
