package io.github.camelkoophone.examples.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * What a pipeline example does when run on its own: a few sample commands sent to its commands destination, and
 * every event that comes out of its events destination printed and tallied until each job has reported. The
 * pipeline's own routes are unaware of it; a real deployment leaves it out.
 */
public final class PipelineDemo extends RouteBuilder {

    /** Phones of the embedded simulator the demo commands go to. */
    public static final int SIMULATED_PHONES = 6;
    /** Where the demo phones are configured when the target is not the simulator. */
    public static final String PHONES_KEY = "pipeline.demo-phones";

    private final String commandsUri;
    private final String eventsUri;
    private final List<String> commands;
    private final TaskSummary summary;

    private PipelineDemo(String commandsUri, String eventsUri, List<String> commands, TaskSummary summary) {
        this.commandsUri = commandsUri;
        this.eventsUri = eventsUri;
        this.commands = commands;
        this.summary = summary;
    }

    /**
     * Runs a pipeline example: its routes (as application.properties names them) on the KooPhone target, and, when
     * {@code embeddedBroker} is given, on the broker it starts, with the demo. Without it, the pipeline serves the
     * configured broker until stopped.
     *
     * @param embeddedBroker starts the broker and points {@code main} at it; null when a broker is configured
     * @return the demo's tally, or null when there was no demo
     */
    public static TaskSummary run(Main main, Callable<AutoCloseable> embeddedBroker, String commandsUri, String eventsUri)
            throws Exception {
        try (KooPhoneTarget koophone = KooPhoneTarget.choose(main, sim -> sim.instances(SIMULATED_PHONES).seed(2026)
                .taskDuration(Duration.ofSeconds(1)).taskFailureRate(0.2));
             AutoCloseable broker = embeddedBroker == null ? null : embeddedBroker.call()) {
            TaskSummary demo = broker == null ? null : install(main, koophone, commandsUri, eventsUri);
            main.run();
            if (demo != null) {
                System.out.println(demo.report(koophone + ", " + broker));
            }
            return demo;
        }
    }

    /**
     * Adds the demo routes to {@code main}: commands go to {@code commandsUri}, events are read from
     * {@code eventsUri}; the run ends once every job has reported (or after 60 s).
     *
     * @return the tally of the events the demo receives
     */
    static TaskSummary install(Main main, KooPhoneTarget target, String commandsUri, String eventsUri) {
        List<String> phones = target.phones(PHONES_KEY, 0, SIMULATED_PHONES);
        List<String> commands = new ArrayList<>();
        int jobs = 0;
        // one command for each half of the phones, one for all of them
        List<List<String>> batches = List.of(phones.subList(0, phones.size() / 2),
                phones.subList(phones.size() / 2, phones.size()), phones);
        List<String> adb = List.of("getprop ro.product.model", "pm list packages", "whoami");
        for (int i = 0; i < batches.size(); i++) {
            List<String> batch = batches.get(i);
            if (!batch.isEmpty()) {
                commands.add(PipelineCheck.command(adb.get(i), batch));
                jobs += batch.size();
            }
        }
        TaskSummary summary = new TaskSummary("pipeline demo", jobs, main::completed);
        main.configure().addRoutesBuilder(new PipelineDemo(commandsUri, eventsUri, commands, summary));
        main.addOverrideProperty("camel.main.duration-max-seconds", "60");
        return summary;
    }

    @Override
    public void configure() {
        from("timer:pipeline-demo?repeatCount=1").routeId("demo-commands")
                .setBody(constant(commands))
                .split(body())
                    .log("demo: sending command ${body}")
                    .to(commandsUri);

        from(eventsUri).routeId("demo-events")
                .log("demo: ${header.job_status} event ${body}")
                .process(exchange -> summary.record("asyncCommand", exchange.getMessage().getHeader("task_id", String.class),
                        null, exchange.getMessage().getHeader("job_status", String.class)));
    }
}
