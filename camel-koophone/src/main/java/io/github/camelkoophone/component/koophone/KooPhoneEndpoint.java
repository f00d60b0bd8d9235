package io.github.camelkoophone.component.koophone;

import java.util.function.Supplier;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.function.Suppliers;
import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import io.github.camelkoophone.component.koophone.tasks.KooPhoneTasksConsumer;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Calls a KooPhone cloud-phone API operation, or emits task-completion and instance-status events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "koophone", title = "KooPhone", syntax = "koophone:operation",
             category = { Category.CLOUD, Category.MOBILE }, headersClass = KooPhoneConstants.class)
public class KooPhoneEndpoint extends ScheduledPollEndpoint {

    public static final String TASKS = "tasks";
    public static final String INSTANCE_STATUS = "instanceStatus";

    @UriPath(description = "The API operation to call, or tasks / instanceStatus for the event consumers.",
             enums = "syncCommand,asyncCommand,getTask,setVideoConfig,batchQueryStatus,batchReset,getDeviceToken,"
                     + "assignInstance,unassignInstance,listInstances,batchRebootInstance,batchShowSku,createInstance,"
                     + "deleteInstance,batchPrepareInstances,showProgress,batchBackupInstances,stopInstancesStreaming,"
                     + "releaseInstancesSession,installApp,tasks,instanceStatus")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private KooPhoneConfiguration configuration;

    /** Built on first use from the options; rebuilt after a restart. */
    private volatile Supplier<OperationCaller> caller = newCaller();

    public KooPhoneEndpoint(String uri, KooPhoneComponent component, String operation, KooPhoneConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        // the API is polled, not pushed: every two seconds is plenty and spares the rate limit
        setDelay(DEFAULT_DELAY);
        // at a fixed rate, a poll starts every delay however long the previous one took (if it took longer, the next
        // starts when it ends): each pending task is asked about once per delay, not once per delay plus a poll of
        // thousands of GetTasks, so an event comes at most a delay and a round trip after its job finished
        setUseFixedDelay(false);
    }

    /** The consumers' poll interval unless {@code delay} says otherwise. */
    public static final long DEFAULT_DELAY = 2000;

    @Override
    public KooPhoneComponent getComponent() {
        return (KooPhoneComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (TASKS.equals(operation)) {
            return new KooPhoneTasksProducer(this);
        }
        if (INSTANCE_STATUS.equals(operation)) {
            throw new KooPhoneValidationException("operation", "koophone:instanceStatus is a consumer only (from, not to)");
        }
        return new KooPhoneProducer(this, KooPhoneOperation.fromName(operation));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        configuration.validate();
        ScheduledBatchPollingConsumer consumer;
        if (TASKS.equals(operation)) {
            consumer = new KooPhoneTasksConsumer(this, processor);
        } else if (INSTANCE_STATUS.equals(operation)) {
            consumer = new KooPhoneInstanceStatusConsumer(this, processor);
        } else {
            throw new KooPhoneValidationException("operation", "only koophone:tasks and koophone:instanceStatus can be consumed (from), "
                                                               + "koophone:" + operation + " is a producer (to)");
        }
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * How this endpoint calls the API, built on first use from its options. Fails, naming the option, when an
     * option or the credentials are wrong.
     */
    public OperationCaller caller() {
        return caller.get();
    }

    private Supplier<OperationCaller> newCaller() {
        return Suppliers.memorize(() -> getComponent().newCaller(configuration));
    }

    /** Marks an event exchange with its place in the poll's batch, as Camel's batch consumers do. */
    public static Exchange batchExchange(Exchange exchange, int index, int total) {
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
        return exchange;
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
     * The API operation to call, or tasks / instanceStatus for the event consumers.
     */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    public KooPhoneConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KooPhoneConfiguration configuration) {
        this.configuration = configuration;
    }
}
