package io.github.camelkoophone.component.koophone.springboot;

import org.springframework.boot.SpringBootVersion;

/**
 * The message of an assertion that pins Spring Boot's own behaviour (a default, its failure report, its configuration
 * processor's output), naming the version on the class path: a failure after upgrading Spring Boot may be its change,
 * not a regression of the starter.
 */
public final class SpringBootPins {

    private SpringBootPins() {
    }

    public static String pins(String behaviour) {
        return "pins Spring Boot " + SpringBootVersion.getVersion() + ": " + behaviour
               + ". A failure after upgrading Spring Boot may be its change, not a regression";
    }
}
