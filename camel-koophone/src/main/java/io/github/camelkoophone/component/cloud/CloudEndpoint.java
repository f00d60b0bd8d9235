package io.github.camelkoophone.component.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.camelkoophone.component.cloud.auth.CredentialState;
import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.call.Binding;
import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.tasks.EventHeaders;
import io.github.camelkoophone.component.cloud.tasks.FollowTaskProducer;
import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cloud.tasks.TaskLogException;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import io.github.camelkoophone.component.cloud.tasks.TrackedTasksConsumer;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.function.Suppliers;

/**
 * An endpoint of a Huawei Cloud service component: calls an operation of its catalogue, or is one of the service's
 * event consumers. What every such endpoint shares is here: the way it calls the API, built on first use from its
 * options (and rebuilt after a restart), and the inputs of one exchange (its headers, else the options).
 */
public abstract class CloudEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The consumers' poll interval unless {@code delay} says otherwise. */
    public static final long DEFAULT_DELAY = 2000;

    /** The caller and the option values the catalogue's bindings read, fixed together when first used. */
    private record Calling(OperationCaller caller, Map<String, Object> options) {
    }

    /** One exchange's inputs: its headers, else the endpoint's options; only the options without a message. */
    private record MessageInputs(Message message, Map<String, Object> options) implements Input.Source {
        @Override
        public Object header(String name) {
            return message == null ? null : message.getHeader(name);
        }

        @Override
        public String headerText(String name) {
            return message == null ? null : message.getHeader(name, String.class);
        }

        @Override
        public Object option(String name) {
            return options.get(name);
        }
    }

    /**
     * What a service's endpoints can be, as data: the paths of its two event endpoints and how each kind of
     * producer and consumer is made.
     *
     * @param scheme            the service's URI scheme, as messages name its endpoints
     * @param tasksPath         the path of its task-following endpoint ({@code tasks}): a consumer, or a producer
     *                          asking the consumers to follow a task started elsewhere
     * @param statusPath        the path of its status-change consumer ({@code instanceStatus})
     * @param operationProducer the producer calling a catalogue operation, by name
     * @param taskEventHeaders  the header names of the task-following consumer's events
     */
    public record Kinds<E extends CloudEndpoint>(String scheme, String tasksPath, String statusPath,
                                                 EventHeaders taskEventHeaders,
                                                 BiFunction<E, String, Producer> operationProducer,
                                                 Function<E, Producer> followTasksProducer,
                                                 BiFunction<E, Processor, Consumer> tasksConsumer,
                                                 BiFunction<E, Processor, Consumer> statusConsumer) {
    }

    private final Kinds<CloudEndpoint> kinds;
    private volatile Supplier<Calling> calling = newCalling();
    /** The check of this endpoint's producers, registered with the first and removed when the endpoint stops. */
    private ProducerHealthCheck health;
    // declared again with the default that runs, so the catalogue, the Endpoint DSL and the docs show it
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_DELAY, javaType = "java.time.Duration",
              description = "Milliseconds between two polls of an event consumer (or a duration such as 5s).")
    private long delay = DEFAULT_DELAY;

    @SuppressWarnings("unchecked")
    protected <E extends CloudEndpoint> CloudEndpoint(String uri, CloudComponent component, Kinds<E> kinds) {
        super(uri, component);
        this.kinds = (Kinds<CloudEndpoint>) kinds; // made by the subclass E for itself
        setDelay(DEFAULT_DELAY);
    }

    /** The operation to call, or the path of one of the event endpoints. */
    public abstract String getOperation();

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    /** The service's base URL, for tracing spans ({@code server.address}) and {@code camel get service}. */
    @Override
    public String getServiceUrl() {
        return getConfiguration().getEndpoint();
    }

    @Override
    public String getServiceProtocol() {
        String url = getServiceUrl();
        return url != null && url.startsWith("http:") ? "http" : "https";
    }

    /** The project the calls are scoped to, where one is configured; never a credential. */
    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new HashMap<>();
        CloudConfiguration c = getConfiguration();
        if (c.getProjectId() != null) {
            metadata.put("projectId", c.getProjectId());
        }
        if (c.getProjectName() != null) {
            metadata.put("projectName", c.getProjectName());
        }
        return metadata.isEmpty() ? null : metadata;
    }

    /** What this endpoint's task-following consumer needs, from its options. */
    public TrackedTasksConsumer.Settings trackingSettings() {
        CloudConfiguration c = getConfiguration();
        return new TrackedTasksConsumer.Settings(c.tracking(), kinds.scheme(), c.getPollConcurrency(),
                c.getMaxDeliveryAttempts(), c.getMaxPollInterval(), caller().worker(), taskLog(), kinds.taskEventHeaders(),
                kinds.scheme() + ":" + kinds.tasksPath(), getComponent().clock());
    }

    /** Where this endpoint's producers record the tasks they start and its consumer takes the ones it follows. */
    public TaskLog taskLog() {
        TaskLog configured = getConfiguration().getTaskLog();
        return configured != null ? configured : getComponent().localTaskLog();
    }

    /** Records a task a producer of this endpoint started; throws {@link TaskLogException} naming it on failure. */
    public void appendTask(TaskRegistration task) {
        taskLog().append(kinds.scheme(), task);
    }

    /** The producer of {@code to("<scheme>:<tasksPath>")}: asks the task-following consumers to follow a task. */
    protected static Producer followTasks(CloudEndpoint endpoint, String taskIdHeader, String operationHeader,
                                          Function<String, ? extends ApiOperation> operations) {
        return new FollowTaskProducer(endpoint, endpoint::appendTask, taskIdHeader, operationHeader, operations);
    }

    @Override
    public Producer createProducer() throws Exception {
        String operation = getOperation();
        if (kinds.tasksPath().equals(operation)) {
            return kinds.followTasksProducer().apply(this);
        }
        if (kinds.statusPath().equals(operation)) {
            throw wrongUse(kinds.scheme() + ":" + operation + " is a consumer only (from, not to)");
        }
        synchronized (this) {
            if (health == null) {
                health = ProducerHealthCheck.register(this);
            }
        }
        return kinds.operationProducer().apply(this, operation);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        try {
            getConfiguration().validate();
        } catch (InvalidInputException e) {
            throw e.inComponent(kinds.scheme());
        }
        String operation = getOperation();
        Consumer consumer;
        if (kinds.tasksPath().equals(operation)) {
            consumer = kinds.tasksConsumer().apply(this, processor);
        } else if (kinds.statusPath().equals(operation)) {
            consumer = kinds.statusConsumer().apply(this, processor);
        } else {
            String scheme = kinds.scheme();
            throw wrongUse("only " + scheme + ":" + kinds.tasksPath() + " and " + scheme + ":" + kinds.statusPath()
                           + " can be consumed (from), " + scheme + ":" + operation + " is a producer (to)");
        }
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public CloudComponent getComponent() {
        return (CloudComponent) super.getComponent();
    }

    /** This endpoint's options. */
    public abstract CloudConfiguration getConfiguration();

    /** How this endpoint calls the API. Fails, naming the option, when an option or the credentials are wrong. */
    public OperationCaller caller() {
        return calling.get().caller();
    }

    /** What the service last said about this endpoint's credentials. */
    public CredentialState credentialState() {
        return getComponent().clients().credentialState(getConfiguration());
    }

    /** The inputs of an exchange for the catalogue's bindings: its headers, else this endpoint's options. */
    public Input.Source inputs(Message message) {
        return new MessageInputs(message, calling.get().options());
    }

    /** This endpoint's options as inputs, for the calls its consumers make. */
    public Input.Source options() {
        return new MessageInputs(null, calling.get().options());
    }

    private InvalidInputException wrongUse(String problem) {
        return new InvalidInputException("operation", problem).inComponent(kinds.scheme());
    }

    private Supplier<Calling> newCalling() {
        return Suppliers.memorize(() -> new Calling(getComponent().newCaller(getConfiguration()), optionValues()));
    }

    /** The values of every option a binding of the catalogue reads, through the component's generated configurer. */
    private Map<String, Object> optionValues() {
        PropertyConfigurer configurer = getComponent().getEndpointPropertyConfigurer();
        if (!(configurer instanceof PropertyConfigurerGetter getter)) {
            throw new IllegalStateException("no generated configurer reads the options of " + getEndpointBaseUri());
        }
        Map<String, Object> values = new HashMap<>();
        for (ApiOperation op : getComponent().catalogue()) {
            for (Binding binding : op.bindings()) {
                for (Input input : binding.inputs()) {
                    if (input.option() != null) {
                        Object value = getter.getOptionValue(this, input.option(), false);
                        if (value != null) {
                            values.put(input.option(), value);
                        }
                    }
                }
            }
        }
        return values;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            ProducerHealthCheck.unregister(health);
            health = null;
        }
        calling = newCalling();
        super.doStop();
    }
}
