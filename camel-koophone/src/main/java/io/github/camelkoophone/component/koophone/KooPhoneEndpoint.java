package io.github.camelkoophone.component.koophone;

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
 * Calls a KooPhone cloud-phone API operation, or emits task-completion and instance-status events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "koophone", title = "KooPhone", syntax = "koophone:operation",
             category = { Category.CLOUD, Category.MOBILE }, headersClass = KooPhoneConstants.class)
public class KooPhoneEndpoint extends CloudEndpoint {

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

    public KooPhoneEndpoint(String uri, KooPhoneComponent component, String operation, KooPhoneConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        // at a fixed rate, a poll starts every delay however long the previous one took (if it took longer, the next
        // starts when it ends): each pending task is asked about once per delay, so an event comes at most a delay
        // and a round trip after its job ended
        setUseFixedDelay(false);
    }

    @Override
    public KooPhoneComponent getComponent() {
        return (KooPhoneComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (TASKS.equals(operation)) {
            return new FollowTaskProducer(this, getComponent().taskRegistry(), KooPhoneConstants.TASK_ID,
                    KooPhoneConstants.OPERATION, KooPhoneOperation::fromName);
        }
        if (INSTANCE_STATUS.equals(operation)) {
            throw wrongUse("koophone:instanceStatus is a consumer only (from, not to)");
        }
        return new KooPhoneProducer(this, KooPhoneOperation.fromName(operation));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        configuration.validate();
        Consumer consumer;
        if (TASKS.equals(operation)) {
            consumer = new KooPhoneTasksConsumer(this, processor);
        } else if (INSTANCE_STATUS.equals(operation)) {
            consumer = new KooPhoneInstanceStatusConsumer(this, processor);
        } else {
            throw wrongUse("only koophone:tasks and koophone:instanceStatus can be consumed (from), koophone:" + operation
                           + " is a producer (to)");
        }
        configureConsumer(consumer);
        return consumer;
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

    @Override
    public KooPhoneConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KooPhoneConfiguration configuration) {
        this.configuration = configuration;
    }
}
