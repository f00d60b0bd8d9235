package io.github.camelkoophone.component.koophone;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
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

    public KooPhoneEndpoint(String uri, KooPhoneComponent component, String operation, KooPhoneConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public KooPhoneComponent getComponent() {
        return (KooPhoneComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (TASKS.equals(operation) || INSTANCE_STATUS.equals(operation)) {
            throw new UnsupportedOperationException("koophone:" + operation + " has no producer yet");
        }
        return new KooPhoneProducer(this, KooPhoneOperation.fromName(operation));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("koophone:" + operation + " cannot be consumed yet: "
                                                + "the tasks and instanceStatus consumers are not built yet");
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
