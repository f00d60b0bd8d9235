package io.github.camelkoophone.component.koophone.springboot;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelkoophone.component.cph.springboot.CphComponentConfiguration;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the components' secrets out of the actuator. Spring Boot shows no property values in {@code /env} and
 * {@code /configprops} by default ({@code show-values: never}); an application that turns values on
 * ({@code always} or {@code when-authorized}) still sees {@code ******} for the secret options of
 * {@code camel.component.koophone.*} ({@link KooPhoneComponentConfiguration#SECRET_OPTIONS}) and
 * {@code camel.component.cph.*} ({@link CphComponentConfiguration#SECRET_OPTIONS}), whichever way they are spelled
 * ({@code auth-token}, {@code authToken}, {@code CAMEL_COMPONENT_KOOPHONE_AUTH_TOKEN}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class KooPhoneActuatorAutoConfiguration {

    @Bean
    public SanitizingFunction kooPhoneSecretsSanitizingFunction() {
        return new KooPhoneSecretsSanitizer();
    }

    /**
     * Masks {@code camel.component.koophone.[...]<secret option>} and {@code camel.component.cph.[...]<secret option>}
     * in any relaxed spelling.
     */
    static final class KooPhoneSecretsSanitizer implements SanitizingFunction {

        /** The canonical prefix of each component's properties → the canonical names of its secret options. */
        private static final Map<String, Set<String>> SECRETS = Map.of(
                "camelcomponentkoophone", canonical(KooPhoneComponentConfiguration.SECRET_OPTIONS),
                "camelcomponentcph", canonical(CphComponentConfiguration.SECRET_OPTIONS));

        @Override
        public SanitizableData apply(SanitizableData data) {
            return isSecret(data.getKey()) ? data.withSanitizedValue() : data;
        }

        static boolean isSecret(String key) {
            if (key == null) {
                return false;
            }
            String canonical = canonical(key);
            return SECRETS.entrySet().stream().anyMatch(e -> canonical.startsWith(e.getKey())
                    && e.getValue().stream().anyMatch(canonical::endsWith));
        }

        private static Set<String> canonical(Set<String> options) {
            return options.stream().map(KooPhoneSecretsSanitizer::canonical).collect(Collectors.toUnmodifiableSet());
        }

        /** {@code camel.component.koophone.auth-token}, {@code CAMEL_COMPONENT_KOOPHONE_AUTHTOKEN}... → one form. */
        private static String canonical(String key) {
            StringBuilder sb = new StringBuilder(key.length());
            for (char c : key.toCharArray()) {
                if (Character.isLetterOrDigit(c)) {
                    sb.append(c);
                }
            }
            return sb.toString().toLowerCase(Locale.ROOT);
        }
    }
}
