package io.github.camelkoophone.benchmarks;

import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * The least any Camel component can cost: a producer that reads the same headers as {@code koophone:} and makes
 * the call by hand with a raw client ({@link ApacheClassicTarget}), no validation, retries, tracking or output
 * headers. Called the way the component is (ProducerTemplate, or a direct: route in front), it measures what Camel
 * itself adds to a by-hand call, so the component can be judged against that floor as well as against the raw client.
 */
final class ByHandComponent extends DefaultComponent {

    private final Target client;

    ByHandComponent(Target client) {
        this.client = client;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        Target.Op op = switch (remaining) {
            case "getTask" -> Target.Op.GET_TASK;
            case "asyncCommand" -> Target.Op.ASYNC_COMMAND;
            default -> throw new IllegalArgumentException("byhand: knows getTask and asyncCommand, not " + remaining);
        };
        return new ByHandEndpoint(uri, this, client, op);
    }

    private static final class ByHandEndpoint extends DefaultEndpoint {
        private final Target client;
        private final Target.Op op;

        ByHandEndpoint(String uri, Component component, Target client, Target.Op op) {
            super(uri, component);
            this.client = client;
            this.op = op;
        }

        @Override
        public Producer createProducer() {
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) throws Exception {
                    Message in = exchange.getMessage();
                    in.setBody(op == Target.Op.GET_TASK
                            ? client.getTask(in.getHeader(KooPhoneConstants.TASK_ID, String.class))
                            : client.asyncCommand(in.getHeader(KooPhoneConstants.COMMAND, String.class),
                                    in.getHeader(KooPhoneConstants.INSTANCE_IDS, List.class)));
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("byhand: has no consumer");
        }
    }
}
