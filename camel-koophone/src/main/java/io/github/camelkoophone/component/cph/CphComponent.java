package io.github.camelkoophone.component.cph;

import io.github.camelkoophone.component.cloud.CloudComponent;
import io.github.camelkoophone.component.cloud.CloudEndpoint;
import io.github.camelkoophone.component.cloud.api.CloudService;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code cph:} component (Huawei Cloud Phone Host): the CPH catalogue and options on the shared Huawei Cloud
 * machinery, the same as {@code koophone:}'s. Its failures are {@code HuaweiCloudApiException}s naming CPH.
 */
@Component("cph")
public class CphComponent extends CloudComponent {

    static final CloudService SERVICE = CloudService.named("CPH");

    @Metadata(description = "The options every endpoint inherits (camel.component.cph.*)")
    private CphConfiguration configuration = new CphConfiguration();

    public CphComponent() {
        super(SERVICE, CphOperation.CATALOGUE, "trackJobs");
    }

    @Override
    protected CloudEndpoint newEndpoint(String uri, String remaining) {
        return new CphEndpoint(uri, this, remaining, configuration.copy());
    }

    @Override
    public CphConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The options every endpoint inherits.
     */
    public void setConfiguration(CphConfiguration configuration) {
        this.configuration = configuration;
    }
}
