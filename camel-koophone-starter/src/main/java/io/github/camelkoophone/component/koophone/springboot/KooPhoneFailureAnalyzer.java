package io.github.camelkoophone.component.koophone.springboot;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by a wrong or missing {@code koophone} option (missing credentials, a malformed
 * endpoint...) into Spring Boot's "APPLICATION FAILED TO START" report, naming the {@code camel.component.koophone.*}
 * property to set.
 */
public class KooPhoneFailureAnalyzer extends AbstractFailureAnalyzer<InvalidInputException> {

    static final String PREFIX = "camel.component.koophone.";
    private static final Set<String> OPTIONS = options();

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidInputException cause) {
        String field = cause.getField();
        String action;
        if ("credentials".equals(field)) {
            action = "Set the KooPhone credentials, e.g. in application.yaml: " + PREFIX + "auth-token; or " + PREFIX
                    + "access-key and " + PREFIX + "secret-key (with " + PREFIX + "project-id); or " + PREFIX + "username, "
                    + PREFIX + "password, " + PREFIX + "domain-name and " + PREFIX + "project-name (or project-id).";
        } else if (OPTIONS.contains(field)) {
            action = "Set " + PREFIX + kebab(field) + " (or " + field + " on the koophone: endpoint URI that fails).";
        } else {
            return null;
        }
        return new FailureAnalysis("The koophone component cannot start: " + cause.getMessage(), action, cause);
    }

    private static Set<String> options() {
        try {
            return Arrays.stream(Introspector.getBeanInfo(KooPhoneComponentConfiguration.class,
                    ComponentConfigurationPropertiesCommon.class).getPropertyDescriptors())
                    .map(PropertyDescriptor::getName).collect(Collectors.toUnmodifiableSet());
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
