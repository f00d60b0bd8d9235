package io.github.camelkoophone.component.cph;

import java.util.function.Supplier;

import io.github.camelkoophone.component.koophone.OperationCaller;
import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.function.Suppliers;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Calls a Huawei Cloud Phone Host (CPH) API operation, or emits job-completion and phone events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "cph", title = "Huawei Cloud Phone Host", syntax = "cph:operation",
             category = { Category.CLOUD, Category.MOBILE }, headersClass = CphConstants.class)
public class CphEndpoint extends ScheduledPollEndpoint {

    public static final String JOBS = "jobs";
    public static final String PHONES = "phones";
    /** The consumers' poll interval unless {@code delay} says otherwise. */
    public static final long DEFAULT_DELAY = 2000;

    @UriPath(description = "The API operation to call, or jobs / phones for the event consumers.",
             enums = "listCloudPhones,restartCloudPhones,listJobs,showJob,jobs,phones")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private CphConfiguration configuration;

    /** Built on first use from the options; rebuilt after a restart. */
    private volatile Supplier<OperationCaller> caller = newCaller();

    public CphEndpoint(String uri, CphComponent component, String operation, CphConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        setDelay(DEFAULT_DELAY);
    }

    @Override
    public CphComponent getComponent() {
        return (CphComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (JOBS.equals(operation)) {
            return new CphJobsProducer(this);
        }
        if (PHONES.equals(operation)) {
            throw new KooPhoneValidationException("operation", "cph:phones is a consumer only (from, not to)");
        }
        return new CphProducer(this, CphOperation.fromName(operation));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        configuration.validate();
        ScheduledBatchPollingConsumer consumer;
        if (JOBS.equals(operation)) {
            consumer = new CphJobsConsumer(this, processor);
        } else if (PHONES.equals(operation)) {
            consumer = new CphPhonesConsumer(this, processor);
        } else {
            throw new KooPhoneValidationException("operation", "only cph:jobs and cph:phones can be consumed (from), "
                                                               + "cph:" + operation + " is a producer (to)");
        }
        configureConsumer(consumer);
        return consumer;
    }

    /** How this endpoint calls the API, built on first use from its options. */
    public OperationCaller caller() {
        return caller.get();
    }

    private Supplier<OperationCaller> newCaller() {
        return Suppliers.memorize(() -> getComponent().newCaller(configuration));
    }

    @Override
    protected void doStop() throws Exception {
        caller = newCaller();
        super.doStop();
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

    public CphConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CphConfiguration configuration) {
        this.configuration = configuration;
    }
}
