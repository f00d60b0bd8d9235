package io.github.camelkoophone.component.cloud.tasks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.github.camelkoophone.component.cloud.http.UrlEncoding;

/**
 * One consumer's state for one task: what it knows of the jobs and which job events it delivered. Kept small
 * (arrays, maps created only when needed) because a consumer may follow ten thousand tasks.
 */
final class TrackedTask {

    /** The delivery key of the whole-task event in eventMode=task. */
    static final String WHOLE_TASK = "*";

    final String taskId;
    /** The name of the operation that created the task, or null. */
    final String operation;
    final long registeredAt;
    private String[] jobIds;
    private String[] instanceIds;
    private static final int DELIVERED = Integer.MAX_VALUE;
    private static final int GIVEN_UP = -1;

    /** Per event key (a job id, or {@link #WHOLE_TASK}): failed attempts so far, DELIVERED or GIVEN_UP. */
    private Map<String, Integer> deliveries;
    /** When the consumer asks about the task next (its clock's epoch ms; not kept: a restart asks at once). */
    long nextCheckAt;
    /** Whether the task is on the plain schedule, and so teaches it how long its operation's tasks take. */
    boolean explores;
    /** Whether an ended job of the task was seen. */
    boolean endSeen;

    TrackedTask(String taskId, String operation, long registeredAt, String[] jobIds, String[] instanceIds) {
        this.taskId = taskId;
        this.operation = operation;
        this.registeredAt = registeredAt;
        this.jobIds = jobIds;
        this.instanceIds = instanceIds;
    }

    /** The instance a job runs on, as the task-creating response said. */
    String instanceOf(String jobId) {
        for (int i = 0; i < jobIds.length; i++) {
            if (jobIds[i].equals(jobId)) {
                return instanceIds[i];
            }
        }
        return null;
    }

    /** Learns jobs the registration did not list (a task registered by id only). */
    void learnJob(String jobId, String instanceId) {
        if (instanceOf(jobId) == null && instanceId != null) {
            jobIds = Arrays.copyOf(jobIds, jobIds.length + 1);
            instanceIds = Arrays.copyOf(instanceIds, instanceIds.length + 1);
            jobIds[jobIds.length - 1] = jobId;
            instanceIds[instanceIds.length - 1] = instanceId;
        }
    }

    String[] jobIds() {
        return jobIds;
    }

    /** Whether the event was delivered, or given up after too many failed deliveries. */
    boolean isDone(String key) {
        Integer state = deliveries == null ? null : deliveries.get(key);
        return state != null && (state == DELIVERED || state == GIVEN_UP);
    }

    void delivered(String key) {
        deliveries().put(key, DELIVERED);
    }

    /** How often the event failed to be delivered so far (0 once it is delivered or given up). */
    int failures(String key) {
        Integer state = deliveries == null ? null : deliveries.get(key);
        return state == null || state == DELIVERED || state == GIVEN_UP ? 0 : state;
    }

    /** Counts a failed delivery; returns the number of failures so far. */
    int failed(String key) {
        return deliveries().merge(key, 1, Integer::sum);
    }

    void givenUp(String key) {
        deliveries().put(key, GIVEN_UP);
    }

    private Map<String, Integer> deliveries() {
        if (deliveries == null) {
            deliveries = new HashMap<>(4);
        }
        return deliveries;
    }

    // --- persistence: op|registeredAt|job=instance,...|key=count,...  (each token percent-encoded)

    String encode() {
        StringBuilder out = new StringBuilder(64);
        out.append(operation == null ? "" : operation).append('|').append(registeredAt).append('|');
        for (int i = 0; i < jobIds.length; i++) {
            out.append(i == 0 ? "" : ",").append(UrlEncoding.encode(jobIds[i])).append('=')
                    .append(UrlEncoding.encode(instanceIds[i] == null ? "" : instanceIds[i]));
        }
        out.append('|');
        if (deliveries != null) {
            boolean first = true;
            for (Map.Entry<String, Integer> entry : deliveries.entrySet()) {
                out.append(first ? "" : ",").append(UrlEncoding.encode(entry.getKey())).append('=').append(entry.getValue());
                first = false;
            }
        }
        return out.toString();
    }

    static TrackedTask decode(String taskId, String encoded) {
        String[] parts = encoded.split("\\|", -1);
        String operation = parts[0].isEmpty() ? null : parts[0];
        String[] jobs = parts[2].isEmpty() ? new String[0] : parts[2].split(",");
        String[] jobIds = new String[jobs.length];
        String[] instanceIds = new String[jobs.length];
        for (int i = 0; i < jobs.length; i++) {
            String[] pair = jobs[i].split("=", 2);
            jobIds[i] = decode(pair[0]);
            instanceIds[i] = pair.length > 1 && !pair[1].isEmpty() ? decode(pair[1]) : null;
        }
        TrackedTask task = new TrackedTask(taskId, operation, Long.parseLong(parts[1]), jobIds, instanceIds);
        if (parts.length > 3 && !parts[3].isEmpty()) {
            for (String delivery : parts[3].split(",")) {
                String[] pair = delivery.split("=", 2);
                task.deliveries().put(decode(pair[0]), Integer.parseInt(pair[1]));
            }
        }
        return task;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
