package io.github.camelkoophone.component.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.call.Binding;
import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.validation.InvalidInputException;
import org.apache.camel.Message;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.function.Suppliers;

/**
 * An endpoint of a Huawei Cloud service component: calls an operation of its catalogue, or is one of the service's
 * event consumers. What every such endpoint shares is here: the way it calls the API, built on first use from its
 * options (and rebuilt after a restart), and the inputs of one exchange (its headers, else the options).
 */
public abstract class CloudEndpoint extends ScheduledPollEndpoint {

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

    private volatile Supplier<Calling> calling = newCalling();

    protected CloudEndpoint(String uri, CloudComponent component) {
        super(uri, component);
        setDelay(DEFAULT_DELAY);
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

    /** The inputs of an exchange for the catalogue's bindings: its headers, else this endpoint's options. */
    public Input.Source inputs(Message message) {
        return new MessageInputs(message, calling.get().options());
    }

    /** This endpoint's options as inputs, for the calls its consumers make. */
    public Input.Source options() {
        return new MessageInputs(null, calling.get().options());
    }

    /** The failure for a path that names no operation of this endpoint's kind (producer or consumer). */
    protected static InvalidInputException wrongUse(String problem) {
        return new InvalidInputException("operation", problem);
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
        calling = newCalling();
        super.doStop();
    }
}
