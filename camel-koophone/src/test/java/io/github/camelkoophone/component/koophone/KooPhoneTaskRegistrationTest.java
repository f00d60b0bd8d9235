package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelkoophone.component.koophone.model.JobEvent;
import io.github.camelkoophone.component.koophone.model.TaskEvent;
import io.github.camelkoophone.simulator.state.SimJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.COMMAND;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.OPERATION;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tasks the component doc says are registered with {@code koophone:tasks} beyond asyncCommand and batchReset:
 * those of unassignInstance, batchBackupInstances and installApp, and a task started elsewhere and given to
 * {@code to("koophone:tasks")} in the task id header.
 */
class KooPhoneTaskRegistrationTest extends SimulatorTestSupport {

    private static final String APP = "{\"object_name\":\"com.example.registered\",\"file_name\":\"registered.apk\","
                                      + "\"object_version\":\"2.0\",\"object_size\":\"64\",\"biz_type\":\"apk\","
                                      + "\"content_type\":\"application/octet-stream\",\"content_md5\":\"00ff\"}";

    /** Each task event, by the id of its task. */
    private final Map<String, TaskEvent> events = new ConcurrentHashMap<>();
    /** The operation header of each task event, by the id of its task. */
    private final Map<String, String> operationHeaders = new ConcurrentHashMap<>();

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?delay=50&initialDelay=0&eventMode=task").process(exchange -> {
                    TaskEvent event = exchange.getMessage().getBody(TaskEvent.class);
                    operationHeaders.put(event.getTaskId(), exchange.getMessage().getHeader(OPERATION, String.class));
                    events.put(event.getTaskId(), event);
                });
            }
        });
    }

    private String taskOf(Exchange out) {
        assertThat(out.getException()).as("exception of %s", out.getFromEndpoint()).isNull();
        String taskId = out.getMessage().getHeader(TASK_ID, String.class);
        assertThat(taskId).isNotBlank();
        return taskId;
    }

    @Test
    void tasksOfUnassignBackupInstallAndOfTheTasksEndpointWithTheTaskIdHeaderAreFollowed() {
        List<String> ids = sim.inventory().ids();
        sim.inventory().update(ids.get(0), i -> i.assignUser("user-r"));
        String unassign = taskOf(call("koophone:unassignInstance", null, Map.of(USER_ID, "user-r", INSTANCE_IDS, ids.get(0))));
        String backup = taskOf(call("koophone:batchBackupInstances", null, Map.of(INSTANCE_IDS, ids.get(1))));
        String install = taskOf(call("koophone:installApp", APP, Map.of(INSTANCE_IDS, ids.get(2))));
        String elsewhere = taskOf(call("koophone:asyncCommand?trackTasks=false", null, Map.of(INSTANCE_IDS, ids.get(3), COMMAND, "ls")));
        Exchange followed = call("koophone:tasks", null, Map.of(TASK_ID, elsewhere, OPERATION, "asyncCommand"));
        assertThat(followed.getException()).isNull();

        sim.clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events).containsOnlyKeys(unassign, backup, install, elsewhere));

        assertFollowed(unassign, "unassignInstance");
        assertFollowed(backup, "batchBackupInstances");
        assertFollowed(install, "installApp");
        assertFollowed(elsewhere, "asyncCommand");
        // the producers' registrations name each job's instance; a task given by id alone cannot
        assertThat(events.get(unassign).getJobs()).extracting(JobEvent::getInstanceId).containsExactly(ids.get(0));
        assertThat(events.get(backup).getJobs()).extracting(JobEvent::getInstanceId).containsExactly(ids.get(1));
        assertThat(events.get(install).getJobs()).extracting(JobEvent::getInstanceId).containsExactly(ids.get(2));
    }

    /** The task's event names the operation that started it and every job the simulator ran for it. */
    private void assertFollowed(String taskId, String operation) {
        TaskEvent event = events.get(taskId);
        assertThat(event.getOperation()).isEqualTo(operation);
        assertThat(operationHeaders).containsEntry(taskId, operation);
        assertThat(event.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(event.getJobs()).extracting(JobEvent::getJobId).containsExactlyElementsOf(
                sim.tasks().get(taskId).orElseThrow().jobs().stream().map(SimJob::jobId).toList());
    }
}
