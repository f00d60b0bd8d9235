package io.github.camelkoophone.component.koophone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.component.cph.CphComponent;
import io.github.camelkoophone.component.cph.CphConfiguration;
import io.github.camelkoophone.component.cph.CphConstants;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.cph.CphState;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.state.SimInstance;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status-change consumers' shared rule, as the docs state it for {@code koophone:instanceStatus} and
 * {@code cph:phones?onlyChanges=true}: a change whose exchange failed is emitted again at the next poll, and once
 * delivered never again; and {@code koophone:instanceStatus} polls more than 100 instances in requests of at most 100.
 */
class StatusChangeRedeliveryTest extends SimulatorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Recorder recorder = new Recorder();

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder.instances(250).cphPhones(25);
    }

    @Override
    protected void addRoutes(CamelContext camel) {
        CphComponent cph = new CphComponent();
        CphConfiguration c = cph.getConfiguration();
        c.setEndpoint(sim.url());
        c.setProjectId(sim.projectId());
        c.setAuthToken(sim.staticToken());
        camel.addComponent("cph", cph);
    }

    /** Records every event; fails the first delivery of each id's status given to {@link #failOnce}. */
    private static final class Recorder implements Processor {
        final List<Exchange> events = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> failOnce = new ConcurrentHashMap<>();
        private String idHeader;
        private String statusHeader;

        Recorder reading(String idHeader, String statusHeader) {
            this.idHeader = idHeader;
            this.statusHeader = statusHeader;
            return this;
        }

        void failOnce(String id, int status) {
            failOnce.put(id, status);
        }

        @Override
        public void process(Exchange exchange) {
            events.add(exchange.copy());
            String id = exchange.getMessage().getHeader(idHeader, String.class);
            Integer status = exchange.getMessage().getHeader(statusHeader, Integer.class);
            if (failOnce.remove(id, status)) {
                throw new IllegalStateException("downstream is down for " + id);
            }
        }

        /** The events after the first {@code skip}. */
        List<Exchange> after(int skip) {
            return events.subList(skip, events.size());
        }
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(recorder);
            }
        });
    }

    @Test
    void instanceStatusPollsInChunksOfAHundredAndEmitsAFailedChangeAgainUntilDelivered() throws Exception {
        List<String> ids = sim.inventory().ids();
        recorder.reading(KooPhoneConstants.INSTANCE_ID, KooPhoneConstants.INSTANCE_STATUS);
        consume("koophone:instanceStatus?delay=50&initialDelay=0&instanceIds=" + String.join(",", ids));
        await("every instance emitted by the first poll").until(() -> recorder.events.size() >= 250);

        assertThat(recorder.events.subList(0, 250)).extracting(e -> e.getMessage().getHeader(KooPhoneConstants.INSTANCE_ID))
                .containsExactlyInAnyOrderElementsOf(ids);
        // the first poll's requests, whatever order its chunks arrived in
        List<List<String>> chunks = new ArrayList<>();
        for (JournalEntry entry : sim.journal().entries("batchQueryStatus").subList(0, 3)) {
            List<String> chunk = new ArrayList<>();
            JSON.readTree(entry.body()).path("instance_ids").forEach(id -> chunk.add(id.asText()));
            chunks.add(chunk);
        }
        assertThat(chunks).extracting(List::size).containsExactlyInAnyOrder(100, 100, 50);
        Set<String> polled = new HashSet<>();
        chunks.forEach(polled::addAll);
        assertThat(polled).containsExactlyInAnyOrderElementsOf(ids);

        String stopped = ids.get(180);
        recorder.failOnce(stopped, SimInstance.STATUS_STOPPED);
        sim.inventory().update(stopped, i -> i.runningStatus(SimInstance.STATUS_STOPPED));
        await("the failed change offered again").until(() -> recorder.events.size() >= 252);
        awaitFurtherRequests("batchQueryStatus", 6);

        assertThat(recorder.after(250)).hasSize(2).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(KooPhoneConstants.INSTANCE_ID)).isEqualTo(stopped);
            assertThat(e.getMessage().getHeader(KooPhoneConstants.INSTANCE_STATUS)).isEqualTo(SimInstance.STATUS_STOPPED);
            // the failed delivery did not count: both offers report the change from the last delivered status
            assertThat(e.getMessage().getHeader(KooPhoneConstants.PREVIOUS_STATUS)).isEqualTo(SimInstance.STATUS_RUNNING);
        });
    }

    @Test
    void cphPhonesOnlyChangesEmitsAFailedChangeAgainUntilDelivered() throws Exception {
        List<String> phones = sim.cph().phoneIds();
        recorder.reading(CphConstants.PHONE_ID, CphConstants.PHONE_STATUS);
        consume("cph:phones?delay=50&initialDelay=0&onlyChanges=true&allPages=true&limit=10");
        await("every phone emitted by the first poll").until(() -> recorder.events.size() >= 25);
        assertThat(recorder.events.subList(0, 25)).extracting(e -> e.getMessage().getHeader(CphConstants.PHONE_ID))
                .containsExactlyInAnyOrderElementsOf(phones);

        String restarting = phones.get(7);
        recorder.failOnce(restarting, CphState.RESTARTING);
        sim.cph().phoneStatus(restarting, CphState.RESTARTING);
        await("the failed change offered again").until(() -> recorder.events.size() >= 27);
        awaitFurtherRequests("listCloudPhones", 6);

        assertThat(recorder.after(25)).hasSize(2).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(CphConstants.PHONE_ID)).isEqualTo(restarting);
            assertThat(e.getMessage().getHeader(CphConstants.PHONE_STATUS)).isEqualTo(CphState.RESTARTING);
            assertThat(e.getMessage().getHeader(CphConstants.PREVIOUS_STATUS)).isEqualTo(CphState.RUNNING);
        });
    }
}
