package io.github.camelkoophone.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose Camel routes ({@code src/main/resources/camel/*.yaml}) and KooPhone settings
 * ({@code application.yaml}) are all configuration: camel-koophone-starter configures the component from
 * {@code camel.component.koophone.*}, and the actuator reports the consumers' health at {@code /actuator/health}.
 * Without {@code camel.component.koophone.endpoint} it runs against an embedded simulator ({@link EmbeddedSimulator}).
 */
@SpringBootApplication
public class KooPhoneExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(KooPhoneExampleApplication.class, args);
    }
}
