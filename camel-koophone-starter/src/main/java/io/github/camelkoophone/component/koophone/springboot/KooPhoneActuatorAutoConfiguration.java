package io.github.camelkoophone.component.koophone.springboot;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the component's secrets out of the actuator. Spring Boot shows no property values in {@code /env} and
 * {@code /configprops} by default ({@code show-values: never}); an application that turns values on
 * ({@code always} or {@code when-authorized}) still sees {@code ******} for {@code camel.component.koophone.*}'s
 * secret options ({@link KooPhoneComponentConfiguration#SECRET_OPTIONS}), whichever way they are spelled
 * ({@code auth-token}, {@code authToken}, {@code CAMEL_COMPONENT_KOOPHONE_AUTH_TOKEN}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class KooPhoneActuatorAutoConfiguration {

    @Bean
    public SanitizingFunction kooPhoneSecretsSanitizingFunction() {
        return new KooPhoneSecretsSanitizer();
    }

    /** Masks {@code camel.component.koophone.[...]<secret option>} in any relaxed spelling. */
    static final class KooPhoneSecretsSanitizer implements SanitizingFunction {

        private static final String PREFIX = "camelcomponentkoophone";
        private static final Set<String> SECRETS = KooPhoneComponentConfiguration.SECRET_OPTIONS.stream()
                .map(KooPhoneSecretsSanitizer::canonical).collect(Collectors.toUnmodifiableSet());

        @Override
        public SanitizableData apply(SanitizableData data) {
            return isSecret(data.getKey()) ? data.withSanitizedValue() : data;
        }

        static boolean isSecret(String key) {
            if (key == null) {
                return false;
            }
            String canonical = canonical(key);
            return canonical.startsWith(PREFIX) && SECRETS.stream().anyMatch(canonical::endsWith);
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
