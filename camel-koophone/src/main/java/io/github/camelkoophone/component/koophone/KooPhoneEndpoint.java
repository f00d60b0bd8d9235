package io.github.camelkoophone.component.koophone;

import io.github.camelkoophone.component.cloud.CloudEndpoint;
import io.github.camelkoophone.component.cloud.tasks.EventHeaders;
import org.apache.camel.Category;
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

    private static final Kinds<KooPhoneEndpoint> KINDS = new Kinds<>("koophone", TASKS, INSTANCE_STATUS,
            new EventHeaders(KooPhoneConstants.TASK_ID, KooPhoneConstants.JOB_ID, KooPhoneConstants.INSTANCE_ID,
                    KooPhoneConstants.JOB_STATUS, KooPhoneConstants.OPERATION, KooPhoneConstants.EVENT_ID),
            (endpoint, operation) -> new KooPhoneProducer(endpoint, KooPhoneOperation.fromName(operation)),
            endpoint -> followTasks(endpoint, KooPhoneConstants.TASK_ID, KooPhoneConstants.OPERATION, KooPhoneOperation::fromName),
            KooPhoneTasksConsumer::new, KooPhoneInstanceStatusConsumer::new);

    @UriPath(description = "The API operation to call, or tasks / instanceStatus for the event consumers.",
             enums = "syncCommand,asyncCommand,getTask,setVideoConfig,batchQueryStatus,batchReset,getDeviceToken,"
                     + "assignInstance,unassignInstance,listInstances,batchRebootInstance,batchShowSku,createInstance,"
                     + "deleteInstance,batchPrepareInstances,showProgress,batchBackupInstances,stopInstancesStreaming,"
                     + "releaseInstancesSession,installApp,tasks,instanceStatus")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private KooPhoneConfiguration configuration;
    // declared again with the default that runs, so the catalogue, the Endpoint DSL and the docs show it
    @UriParam(label = "consumer,scheduler", defaultValue = "false",
              description = "Whether the event consumers poll at a fixed delay after the previous poll ended (true) or "
                            + "at a fixed rate, a poll starting every delay (false).")
    private boolean useFixedDelay;

    public KooPhoneEndpoint(String uri, KooPhoneComponent component, String operation, KooPhoneConfiguration configuration) {
        super(uri, component, KINDS);
        this.operation = operation;
        this.configuration = configuration;
        // at a fixed rate, a poll starts every delay however long the previous one took (if it took longer, the next
        // starts when it ends): each pending task is asked about once per delay, so an event comes at most a delay
        // and a round trip after its job ended
        setUseFixedDelay(false);
    }

    @Override
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
    public boolean isUseFixedDelay() {
        return useFixedDelay;
    }

    @Override
    public void setUseFixedDelay(boolean useFixedDelay) {
        super.setUseFixedDelay(useFixedDelay);
        this.useFixedDelay = useFixedDelay;
    }

    @Override
    public KooPhoneConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KooPhoneConfiguration configuration) {
        this.configuration = configuration;
    }
}
