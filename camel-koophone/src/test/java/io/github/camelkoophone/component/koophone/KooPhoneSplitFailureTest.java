package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.component.koophone.model.JobEvent;
import io.github.camelkoophone.component.koophone.model.TaskEvent;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimTask;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A split call whose second chunk fails, as the component doc's "Splitting" section promises: the exchange fails, no
 * further chunk is started, and the task of the chunk that succeeded is still followed by {@code koophone:tasks}.
 */
class KooPhoneSplitFailureTest extends SimulatorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<TaskEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected void addRoutes(CamelContext camel) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("koophone:tasks?delay=50&initialDelay=0&eventMode=task")
                        .process(exchange -> events.add(exchange.getMessage().getBody(TaskEvent.class)));
            }
        });
    }

    @Test
    void aFailingChunkFailsTheExchangeStartsNoFurtherChunkAndTheSucceededChunksTaskIsFollowed() throws Exception {
        List<String> ids = sim.inventory().ids().subList(0, 9);
        sim.faults().add(Fault.on("batchReset").httpStatus(400).body("KOOPHONE.API.1000", "bad parameter").after(1).times(1));

        // one chunk at a time, so "no further chunk" is the third one, which must never be sent
        Exchange out = call("koophone:batchReset?maxBatchSize=3&batchConcurrency=1", null, Map.of(INSTANCE_IDS, ids));

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(400);
            assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.1000");
        });
        List<SimTask> started = sim.tasks().all();
        assertThat(started).singleElement().satisfies(task -> assertThat(task.jobs()).extracting(SimJob::instanceId)
                .containsExactlyElementsOf(ids.subList(0, 3)));

        sim.clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        TaskEvent event = events.get(0);
        assertThat(event.getTaskId()).isEqualTo(started.get(0).taskId());
        assertThat(event.getOperation()).isEqualTo("batchReset");
        assertThat(event.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(event.getJobs()).extracting(JobEvent::getInstanceId).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));

        // checked after the consumer's polls, so a third chunk started late would have shown by now
        List<JournalEntry> sent = sim.journal().entries("batchReset");
        assertThat(sent).extracting(JournalEntry::status).containsExactly(200, 400);
        assertThat(instanceIds(sent.get(0))).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(instanceIds(sent.get(1))).containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(ids.subList(6, 9)).allSatisfy(id ->
                assertThat(sim.inventory().require(id).runningStatus()).isEqualTo(SimInstance.STATUS_RUNNING));
    }

    private static List<String> instanceIds(JournalEntry entry) throws Exception {
        List<String> chunk = new ArrayList<>();
        JSON.readTree(entry.body()).path("instance_ids").forEach(id -> chunk.add(id.asText()));
        return chunk;
    }
}
