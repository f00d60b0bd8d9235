package io.github.camelkoophone.kafka.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.cloud.tasks.TaskLogException;
import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.kafka.KafkaTaskLog;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One node of a cluster, in a JVM of its own: a CamelContext whose koophone component shares a {@link KafkaTaskLog},
 * with a koophone:tasks route whose sink is this process's output ({@code EVENT <event id> <status>}), and
 * producers driven from its input:
 * <pre>
 * start N id,id,...   N asyncCommands, each on two of the instances in turn: STARTED task | UNRECORDED ids | FAILED why,
 *                     then STARTS-DONE
 * stop                stops Camel (leaving the group) and exits: STOPPED
 * </pre>
 * Arguments are {@code key=value}: sim, kafka, topic, consume (true), delay (poll ms), name, ak/sk/project (AK/SK
 * instead of the static token), and kafka.* client properties.
 */
public final class ClusterNode {

    static final String TOKEN = "koophone-sim-static-token"; // the simulator's built-in static token

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        // before any logger exists: the harness reads the task log's INFO lines (partitions followed, handed over)
        System.setProperty("log4j2.configurationFile", "cluster-node-log4j2.xml");
        Map<String, String> options = new HashMap<>();
        Map<String, Object> kafka = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv[0].startsWith("kafka.")) {
                kafka.put(kv[0].substring("kafka.".length()), kv[1]);
            } else {
                options.put(kv[0], kv[1]);
            }
        }
        KafkaTaskLog log = new KafkaTaskLog();
        log.setBootstrapServers(options.get("kafka"));
        log.setTopic(options.get("topic"));
        log.setGroupId(options.get("topic"));
        log.setPartitions(Integer.parseInt(options.getOrDefault("partitions", "12")));
        log.setProperties(kafka);

        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(options.getOrDefault("name", "node"));
        KooPhoneComponent component = new KooPhoneComponent();
        component.getConfiguration().setEndpoint(options.get("sim"));
        if (options.containsKey("ak")) {
            // a key of its own, so the simulator's journal tells this node's requests apart
            component.getConfiguration().setAccessKey(options.get("ak"));
            component.getConfiguration().setSecretKey(options.get("sk"));
            component.getConfiguration().setProjectId(options.get("project"));
        } else {
            component.getConfiguration().setAuthToken(TOKEN);
        }
        component.getConfiguration().setTaskLog(log);
        camel.addComponent("koophone", component);
        if (Boolean.parseBoolean(options.getOrDefault("consume", "true"))) {
            String delay = options.getOrDefault("delay", "1000");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("koophone:tasks?initialDelay=0&delay=" + delay).process(ClusterNode::sink);
                }
            });
        }
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        System.out.println("READY");

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int next = 0;
        String line;
        while ((line = in.readLine()) != null) {
            String[] command = line.trim().split(" ");
            if (command[0].equals("start")) {
                List<String> instances = List.of(command[2].split(","));
                for (int i = 0; i < Integer.parseInt(command[1]); i++, next++) {
                    start(template, List.of(instances.get(next % instances.size()),
                            instances.get((next + 1) % instances.size())));
                }
                System.out.println("STARTS-DONE");
            } else if (command[0].equals("stop")) {
                break;
            }
        }
        camel.stop();
        System.out.println("STOPPED");
        System.exit(0);
    }

    private static void start(ProducerTemplate template, List<String> instances) {
        Exchange out = template.send("koophone:asyncCommand", exchange -> {
            exchange.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, instances);
            exchange.getMessage().setHeader(KooPhoneConstants.COMMAND, "ls");
        });
        Exception failure = out.getException();
        if (failure == null) {
            System.out.println("STARTED " + out.getMessage().getHeader(KooPhoneConstants.TASK_ID));
        } else if (failure instanceof TaskLogException unrecorded) {
            System.out.println("UNRECORDED " + String.join(",", unrecorded.getTaskIds()));
        } else {
            System.out.println("FAILED " + failure);
        }
    }

    private static void sink(Exchange event) {
        System.out.println("EVENT " + event.getMessage().getHeader(KooPhoneConstants.EVENT_ID) + " "
                           + event.getMessage().getHeader(KooPhoneConstants.JOB_STATUS));
    }
}
