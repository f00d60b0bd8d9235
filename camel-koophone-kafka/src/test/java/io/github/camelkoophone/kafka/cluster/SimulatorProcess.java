package io.github.camelkoophone.kafka.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulator's standalone jar as a process of its own (its path from the build: {@code koophone.simulator.jar}; its
 * main class on this class path otherwise), driven over its admin API: its clock is moved by the test, so tasks of 1-30 s end within seconds.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JavaProcess process;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private SimulatorProcess(JavaProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Tasks of 1-30 s on {@code instances} phones. */
    static SimulatorProcess start(int instances) throws IOException {
        return start(List.of("--instances", Integer.toString(instances), "--task-duration", "1s", "--task-duration-max",
                "30s", "--no-busy-check"));
    }

    /** A simulator with these command-line options, on a free port. */
    public static SimulatorProcess start(List<String> options) throws IOException {
        String jar = System.getProperty("koophone.simulator.jar");
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(options);
        JavaProcess process = jar != null ? JavaProcess.startJar("simulator", jar, args)
                : JavaProcess.start("simulator", "io.github.camelkoophone.simulator.Main", args);
        String line = process.await(text -> text.contains("listening on "), Duration.ofSeconds(30)).text();
        String url = line.substring(line.indexOf("listening on ") + "listening on ".length()).split(" ")[0];
        return new SimulatorProcess(process, url);
    }

    public String url() {
        return url;
    }

    public List<String> instanceIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        get("/_sim/instances").forEach(instance -> ids.add(instance.get("instance_id").asText()));
        return ids;
    }

    /** Every job of every task the simulator started: task id to job ids. */
    public Map<String, List<String>> jobsByTask() throws IOException, InterruptedException {
        Map<String, List<String>> jobs = new HashMap<>();
        for (JsonNode task : get("/_sim/tasks")) {
            List<String> ids = new ArrayList<>();
            task.get("jobs").forEach(job -> ids.add(job.get("job_id").asText()));
            jobs.put(task.get("task_id").asText(), ids);
        }
        return jobs;
    }

    public void advance(Duration duration) throws IOException, InterruptedException {
        post("/_sim/clock", "{\"advance_ms\":" + duration.toMillis() + "}");
    }

    /** An admin resource, e.g. {@code /_sim/journal?since=12}. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.kill();
    }
}
