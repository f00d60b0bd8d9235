package io.github.camelkoophone.component.koophone;

import io.github.camelkoophone.component.cloud.CloudComponent;
import io.github.camelkoophone.component.cloud.CloudEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code koophone:} component: the KooPhone catalogue and options on the shared Huawei Cloud machinery (HTTP
 * clients, authenticators and token caches, threads, the task registry).
 */
@Component("koophone")
public class KooPhoneComponent extends CloudComponent {

    @Metadata(description = "The shared configuration: every endpoint starts from a copy of it")
    private KooPhoneConfiguration configuration = new KooPhoneConfiguration();

    public KooPhoneComponent() {
        super(KooPhoneApiException.SERVICE, KooPhoneOperation.CATALOGUE, "trackTasks");
    }

    @Override
    protected CloudEndpoint newEndpoint(String uri, String remaining) {
        return new KooPhoneEndpoint(uri, this, remaining, configuration.copy());
    }

    @Override
    public KooPhoneConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The options every endpoint inherits.
     */
    public void setConfiguration(KooPhoneConfiguration configuration) {
        this.configuration = configuration;
    }
}
