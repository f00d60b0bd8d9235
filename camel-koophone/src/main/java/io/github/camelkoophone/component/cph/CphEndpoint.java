package io.github.camelkoophone.component.cph;

import io.github.camelkoophone.component.cloud.CloudEndpoint;
import io.github.camelkoophone.component.cloud.tasks.FollowTaskProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
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

    @UriPath(description = "The API operation to call, or jobs / phones for the event consumers.",
             enums = "listCloudPhones,restartCloudPhones,listJobs,showJob,jobs,phones")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private CphConfiguration configuration;

    public CphEndpoint(String uri, CphComponent component, String operation, CphConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public CphComponent getComponent() {
        return (CphComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (JOBS.equals(operation)) {
            return new FollowTaskProducer(this, getComponent().taskRegistry(), CphConstants.REQUEST_ID, CphConstants.OPERATION,
                    CphOperation::fromName);
        }
        if (PHONES.equals(operation)) {
            throw wrongUse("cph:phones is a consumer only (from, not to)");
        }
        return new CphProducer(this, CphOperation.fromName(operation));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        configuration.validate();
        Consumer consumer;
        if (JOBS.equals(operation)) {
            consumer = new CphJobsConsumer(this, processor);
        } else if (PHONES.equals(operation)) {
            consumer = new CphPhonesConsumer(this, processor);
        } else {
            throw wrongUse("only cph:jobs and cph:phones can be consumed (from), cph:" + operation + " is a producer (to)");
        }
        configureConsumer(consumer);
        return consumer;
    }

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
