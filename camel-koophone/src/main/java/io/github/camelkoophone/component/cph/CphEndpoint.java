package io.github.camelkoophone.component.cph;

import io.github.camelkoophone.component.cloud.CloudEndpoint;
import io.github.camelkoophone.component.cloud.tasks.EventHeaders;
import org.apache.camel.Category;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Calls a Huawei Cloud Phone Host (CPH) API operation, or emits job-completion and phone events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "cph", title = "Huawei Cloud Phone Host", syntax = "cph:operation",
             category = { Category.CLOUD, Category.MOBILE }, headersClass = CphConstants.class)
public class CphEndpoint extends CloudEndpoint {

    public static final String JOBS = "jobs";
    public static final String PHONES = "phones";

    private static final Kinds<CphEndpoint> KINDS = new Kinds<>("cph", JOBS, PHONES,
            new EventHeaders(CphConstants.REQUEST_ID, CphConstants.JOB_ID, CphConstants.PHONE_ID, CphConstants.JOB_STATUS,
                    CphConstants.OPERATION, CphConstants.EVENT_ID),
            (endpoint, operation) -> new CphProducer(endpoint, CphOperation.fromName(operation)),
            endpoint -> followTasks(endpoint, CphConstants.REQUEST_ID, CphConstants.OPERATION, CphOperation::fromName),
            CphJobsConsumer::new, CphPhonesConsumer::new);

    @UriPath(description = "The API operation to call, or jobs / phones for the event consumers.",
             enums = "listCloudPhones,restartCloudPhones,listJobs,showJob,jobs,phones")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private CphConfiguration configuration;

    public CphEndpoint(String uri, CphComponent component, String operation, CphConfiguration configuration) {
        super(uri, component, KINDS);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public String getOperation() {
        return operation;
    }

    /**
     * The API operation to call, or jobs / phones for the event consumers.
     */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    @Override
    public CphConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CphConfiguration configuration) {
        this.configuration = configuration;
    }
}
