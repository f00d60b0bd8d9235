package io.github.camelkoophone.component.koophone.springboot;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cph.springboot.CphComponentConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by a wrong or missing {@code koophone} or {@code cph} option (missing credentials,
 * a malformed endpoint...) into Spring Boot's "APPLICATION FAILED TO START" report, naming the
 * {@code camel.component.koophone.*} or {@code camel.component.cph.*} property to set.
 * <p>
 * A failure raised by the code both components share names its component (the credentials and shared options of
 * an endpoint); one raised by a service's own code (its options' checks, its consumers) is cph's when cph's code is
 * on its stack, koophone's otherwise.
 */
public class KooPhoneFailureAnalyzer extends AbstractFailureAnalyzer<InvalidInputException> {

    private static final String CPH_PACKAGE = "io.github.camelkoophone.component.cph.";
    private static final String KOOPHONE_PACKAGE = "io.github.camelkoophone.component.koophone.";
    private static final Set<String> KOOPHONE_OPTIONS = options(KooPhoneComponentConfiguration.class);
    private static final Set<String> CPH_OPTIONS = options(CphComponentConfiguration.class);

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidInputException cause) {
        boolean cph = cause.getComponent() != null ? "cph".equals(cause.getComponent()) : fromCph(cause);
        String component = cph ? "cph" : "koophone";
        String prefix = "camel.component." + component + ".";
        String field = cause.getField();
        String action;
        if ("credentials".equals(field)) {
            action = "Set the " + (cph ? "CPH" : "KooPhone") + " credentials, e.g. in application.yaml: " + prefix
                    + "auth-token; or " + prefix + "access-key and " + prefix + "secret-key (with " + prefix
                    + "project-id); or " + prefix + "username, " + prefix + "password, " + prefix + "domain-name and "
                    + prefix + "project-name (or project-id).";
        } else if ((cph ? CPH_OPTIONS : KOOPHONE_OPTIONS).contains(field)) {
            action = "Set " + prefix + kebab(field) + " (or " + field + " on the " + component + ": endpoint URI that fails).";
        } else {
            return null;
        }
        return new FailureAnalysis("The " + component + " component cannot start: " + cause.getMessage(), action, cause);
    }

    /** Whether the first frame of either component's own code on the failure's stack is cph's. */
    private static boolean fromCph(Throwable cause) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (frame.getClassName().startsWith(CPH_PACKAGE)) {
                return true;
            }
            if (frame.getClassName().startsWith(KOOPHONE_PACKAGE)) {
                return false;
            }
        }
        return false;
    }

    private static Set<String> options(Class<? extends ComponentConfigurationPropertiesCommon> properties) {
        try {
            return Arrays.stream(Introspector.getBeanInfo(properties, ComponentConfigurationPropertiesCommon.class)
                    .getPropertyDescriptors()).map(PropertyDescriptor::getName).collect(Collectors.toUnmodifiableSet());
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
