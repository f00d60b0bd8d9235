package io.github.camelkoophone.examples.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.state.SimJob;
import org.apache.camel.main.Main;

/**
 * What the pipeline examples' tests send and check, whatever the transport: three commands on the simulator's
 * phones (one naming a phone the cloud does not know), and whether the events the pipeline published for them are
 * one per job, each as the simulator's task has it.
 */
public final class PipelineCheck {

    /** The jobs {@link #commands} start. */
    public static final int JOBS = 8;
    public static final String UNKNOWN_PHONE = "nosuchphone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineCheck() {
    }

    /**
     * One event as the pipeline published it.
     *
     * @param json      the body
     * @param jobStatus the job status carried beside the body (a Kafka header, a JMS property)
     * @param taskIds   every copy of the task id carried beside the body (key, header, group id)
     */
    public record Event(String json, String jobStatus, List<String> taskIds) {
    }

    /**
     * Starts the example's pipeline routes (as its application.properties names them) with Camel Main, on a fresh
     * simulator (6 phones, 300 ms jobs, 30 % of them failing, 50 ms between retries) and the broker that
     * {@code brokerKey} = {@code brokerValue} points at.
     */
    public static Running start(String brokerKey, String brokerValue) throws Exception {
        KooPhoneSimulator sim = KooPhoneSimulator.builder().port(0).instances(6).seed(7)
                .taskDuration(Duration.ofMillis(300)).taskFailureRate(0.3).start();
        Main main = new Main();
        main.addOverrideProperty(brokerKey, brokerValue);
        main.addOverrideProperty(KooPhoneTarget.ENDPOINT, sim.url());
        main.addOverrideProperty(KooPhoneTarget.AUTH_TOKEN, sim.staticToken());
        main.addOverrideProperty("camel.component.koophone.retry-delay", "50");
        try {
            main.start();
        } catch (Exception e) {
            sim.stop();
            throw e;
        }
        return new Running(main, sim);
    }

    /** A started pipeline and its simulator; {@link #close()} stops both. */
    public record Running(Main main, KooPhoneSimulator simulator) implements AutoCloseable {

        @Override
        public void close() {
            main.stop();
            simulator.stop();
        }
    }

    /** Commands by a key for them, as the JSON the pipeline takes, for at least six phones. */
    public static Map<String, String> commands(List<String> phones) {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("c1", command("getprop ro.product.model", phones.subList(0, 3)));
        commands.put("c2", command("pm list packages", phones.subList(3, 6)));
        // its job on the unknown phone fails with CPS0005
        commands.put("c3", command("whoami", List.of(phones.get(0), UNKNOWN_PHONE)));
        return commands;
    }

    /** The API's asyncCommand request as JSON. */
    public static String command(String command, List<String> phones) {
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("command", command);
            request.put("instance_ids", phones);
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the events of {@link #commands} differ from the simulator's tasks; empty when they do not. */
    public static List<String> mismatches(KooPhoneSimulator sim, List<Event> events) {
        List<String> mismatches = new ArrayList<>();
        if (events.size() != JOBS) {
            mismatches.add(events.size() + " events, expected " + JOBS);
        }
        Set<String> tasks = new HashSet<>();
        Set<String> jobs = new HashSet<>();
        for (Event event : events) {
            JsonNode job = parse(event.json());
            String taskId = job.path("task_id").asText();
            String jobId = job.path("job_id").asText();
            String instance = job.path("instance_id").asText();
            tasks.add(taskId);
            jobs.add(taskId + "/" + jobId);
            if (!event.taskIds().stream().allMatch(taskId::equals)) {
                mismatches.add("event of task " + taskId + " carries the task ids " + event.taskIds());
            }
            SimJob simulated = sim.tasks().get(taskId).stream().flatMap(task -> task.jobs().stream())
                    .filter(j -> j.jobId().equals(jobId)).findFirst().orElse(null);
            if (simulated == null) {
                mismatches.add("job " + jobId + " of task " + taskId + " is unknown to the simulator");
                continue;
            }
            String status = simulated.status() == SimJob.SUCCEEDED ? "SUCCEEDED" : simulated.status() == SimJob.FAILED ? "FAILED" : "RUNNING";
            if (!instance.equals(simulated.instanceId()) || job.path("status").asInt() != simulated.status()
                || !Objects.equals(event.jobStatus(), status)) {
                mismatches.add("event " + event.json() + " with status " + event.jobStatus() + ", the simulator's job: " + simulated);
            }
            if (instance.equals(UNKNOWN_PHONE) && !"FAILED".equals(event.jobStatus())) {
                mismatches.add("the job on the unknown phone reported " + event.jobStatus());
            }
        }
        if (tasks.size() != 3 || jobs.size() != events.size()) {
            mismatches.add(jobs.size() + " distinct jobs of " + tasks.size() + " tasks, expected one event per job of 3 tasks");
        }
        return mismatches;
    }

    /** Commands the pipeline must reject before calling the API, by key: not JSON, and a command with a ';'. */
    public static Map<String, String> invalidCommands(String phone) {
        return Map.of("bad-json", "getprop ro.product.model", "bad-command", command("reboot; rm -rf /data", List.of(phone)));
    }

    /** The API refuses the next asyncCommand with KOOPHONE.API.4001 (HTTP 200); send it with the key "refused". */
    public static void refuseTheNextCommand(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("asyncCommand").businessError("KOOPHONE.API.4001", "instance busy").times(1));
    }

    /**
     * Where the rejections of {@link #invalidCommands} and the refused command differ from what they should be: each
     * rejected once with its reason, and the invalid ones never sent to the API.
     *
     * @param reasons the rejected commands' keys and reasons
     */
    public static List<String> rejectionMismatches(KooPhoneSimulator sim, Map<String, String> reasons) {
        List<String> mismatches = new ArrayList<>();
        Map<String, List<String>> expected = Map.of("bad-json", List.of("body", "not valid JSON"),
                "bad-command", List.of("command", "may contain only"), "refused", List.of("KOOPHONE.API.4001"));
        if (!reasons.keySet().equals(expected.keySet())) {
            mismatches.add("rejected " + reasons.keySet() + ", expected " + expected.keySet());
        }
        expected.forEach((key, words) -> {
            String reason = Objects.toString(reasons.get(key), "");
            if (!words.stream().allMatch(reason::contains)) {
                mismatches.add(key + " rejected because '" + reason + "', expected a reason naming " + words);
            }
        });
        if (sim.journal().entries("asyncCommand").stream().anyMatch(call -> call.body().contains("reboot"))) {
            mismatches.add("an invalid command reached the API");
        }
        return mismatches;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
