package io.github.camelkoophone.component.cph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.CphPhone;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;
import io.github.camelkoophone.component.cph.model.ListJobsResult;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.component.koophone.SimulatorTestSupport;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.cph.CphState;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** cph: against the simulator's CPH mode: the getting-started flow, the jobs and phones consumers, AK/SK. */
class CphSimulatorTest {

    KooPhoneSimulator sim;
    CamelContext context;
    ProducerTemplate template;
    final List<Exchange> events = new CopyOnWriteArrayList<>();
    /** A restart that runs until the end of the test, whose listJobs count the jobs consumer's polls. */
    String sentinel;
    @TempDir
    Path dir;

    @BeforeEach
    void startSimulator() {
        sim = KooPhoneSimulator.builder().port(0).cphPhones(25).taskDuration(Duration.ofMinutes(1)).start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        sim.stop();
    }

    CamelContext start(RouteBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        CphComponent component = new CphComponent();
        CphConfiguration c = component.getConfiguration();
        c.setEndpoint(sim.url());
        c.setProjectId(sim.projectId());
        c.setAccessKey(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
        c.setSecretKey(KooPhoneSimulator.DEFAULT_SECRET_KEY);
        c.setRetryDelay(5);
        c.setMaxRetryDelay(50);
        // each context gets its own repository on the same file, as a restarted application would
        FileStateRepository fresh = FileStateRepository.fileStateRepository(dir.resolve("cph-jobs.dat").toFile());
        c.setJobStore(fresh);
        camel.addComponent("cph", component);
        if (routes != null) {
            camel.addRoutes(routes);
        }
        camel.start();
        context = camel;
        template = camel.createProducerTemplate();
        return camel;
    }

    /** The listJobs queries about one request: a cph:jobs consumer asks about a request at most once per poll. */
    static Predicate<JournalEntry> listJobsOf(String requestId) {
        return e -> "listJobs".equals(e.operation()) && e.query() != null && e.query().contains(requestId);
    }

    /**
     * Waits for five further polls of the cph:jobs consumer, counted by its listJobs of a restart it follows that keeps
     * running (the tests move the simulator's clock no more by then): five polls in which a duplicate would show.
     */
    void awaitFurtherPolls() {
        if (sentinel == null) {
            sentinel = template.requestBodyAndHeader("cph:restartCloudPhones", null, CphConstants.PHONE_IDS,
                    sim.cph().phoneIds().get(24), RestartCloudPhonesResult.class).getRequestId();
        }
        SimulatorTestSupport.awaitFurther(sim, listJobsOf(sentinel), 5);
    }

    RouteBuilder collect(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(events::add);
            }
        };
    }

    @Test
    void theGettingStartedFlow() throws Exception {
        start(null);
        ListCloudPhonesResult page = template.requestBody("cph:listCloudPhones?limit=10", null, ListCloudPhonesResult.class);
        assertThat(page.getCount()).isEqualTo(25);
        assertThat(page.getPhones()).hasSize(10);
        ListCloudPhonesResult all = template.requestBody("cph:listCloudPhones?allPages=true&limit=7", null, ListCloudPhonesResult.class);
        assertThat(all.getPhones()).hasSize(25).extracting(CphPhone::getPhoneId).doesNotHaveDuplicates()
                .containsExactlyElementsOf(sim.cph().phoneIds());
        ListCloudPhonesResult server3 = template.requestBody("cph:listCloudPhones?allPages=true&serverId=server-3", null,
                ListCloudPhonesResult.class);
        assertThat(server3.getPhones()).hasSize(5);

        List<String> two = sim.cph().phoneIds().subList(0, 2);
        RestartCloudPhonesResult restart = template.requestBodyAndHeader("cph:restartCloudPhones", null,
                CphConstants.PHONE_IDS, two, RestartCloudPhonesResult.class);
        assertThat(restart.getJobs()).extracting("phoneId").containsExactlyElementsOf(two);
        ListCloudPhonesResult restarting = template.requestBody("cph:listCloudPhones?allPages=true&status=3", null,
                ListCloudPhonesResult.class);
        assertThat(restarting.getPhones()).extracting(CphPhone::getPhoneId).containsExactlyElementsOf(two);

        ListJobsResult running = template.requestBodyAndHeader("cph:listJobs", null, CphConstants.REQUEST_ID,
                restart.getRequestId(), ListJobsResult.class);
        assertThat(running.getJobs()).extracting(CphJob::getStatus).containsOnly(1);
        sim.clock().advance(Duration.ofMinutes(2));
        CphJob job = template.requestBodyAndHeader("cph:showJob", null, CphConstants.JOB_ID,
                restart.getJobs().get(0).getJobId(), CphJob.class);
        assertThat(job.getStatus()).isEqualTo(2);
        assertThat(sim.journal().count("restartCloudPhones")).isEqualTo(1);
    }

    @Test
    void jobsConsumerEmitsOneExchangePerFinishedJobOfARestart() throws Exception {
        start(collect("cph:jobs?delay=50&initialDelay=0"));
        List<String> three = sim.cph().phoneIds().subList(0, 3);
        sim.cph().failNextRestart(three.get(2));
        RestartCloudPhonesResult restart = template.requestBodyAndHeader("cph:restartCloudPhones", null,
                CphConstants.PHONE_IDS, three, RestartCloudPhonesResult.class);

        SimulatorTestSupport.awaitFurther(sim, listJobsOf(restart.getRequestId()), 3);
        assertThat(events).isEmpty(); // still running on the simulator's clock
        sim.clock().advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 3);
        awaitFurtherPolls();
        assertThat(events).hasSize(3); // once each, never again
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(CphConstants.REQUEST_ID)).isEqualTo(restart.getRequestId());
            assertThat(e.getMessage().getHeader(CphConstants.OPERATION)).isEqualTo("restartCloudPhones");
        });
        assertThat(events).extracting(e -> e.getMessage().getHeader(CphConstants.PHONE_ID)).containsExactlyInAnyOrderElementsOf(three);
        assertThat(events).extracting(e -> e.getMessage().getHeader(CphConstants.JOB_STATUS))
                .containsExactlyInAnyOrder("SUCCEEDED", "SUCCEEDED", "FAILED");
        CphJob shown = template.requestBodyAndHeader("cph:showJob", null, CphConstants.JOB_ID,
                events.stream().map(e -> e.getMessage().getBody(CphJob.class)).filter(j -> j.getStatus() == -1)
                        .findFirst().orElseThrow().getJobId(), CphJob.class);
        assertThat(shown.getStatus()).isEqualTo(-1); // a failed job is data, not a failed call
        CphJob failed = events.stream().map(e -> e.getMessage().getBody(CphJob.class)).filter(j -> j.getStatus() == -1)
                .findFirst().orElseThrow();
        assertThat(failed.getErrorCode()).isEqualTo("CPS.0191");
        assertThat(failed.getRequestId()).isEqualTo(restart.getRequestId());
    }

    @Test
    void aFailedDeliveryIsOfferedAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("cph:jobs?delay=50&initialDelay=0").process(e -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("downstream down");
                    }
                    events.add(e);
                });
            }
        });
        template.requestBodyAndHeader("cph:restartCloudPhones", null, CphConstants.PHONE_IDS, sim.cph().phoneIds().get(0));
        sim.clock().advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        awaitFurtherPolls();
        assertThat(events).hasSize(1);
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void pendingRequestsSurviveARestartThroughTheJobStore() throws Exception {
        start(null);
        RestartCloudPhonesResult restart = template.requestBodyAndHeader("cph:restartCloudPhones", null,
                CphConstants.PHONE_IDS, sim.cph().phoneIds().subList(0, 2), RestartCloudPhonesResult.class);
        // the first context's cph:jobs consumer starts, takes the request, and stops before it finishes
        context.addRoutes(collect("cph:jobs?delay=50&initialDelay=0"));
        SimulatorTestSupport.awaitFurther(sim, listJobsOf(restart.getRequestId()), 1);
        context.stop();
        assertThat(events).isEmpty();

        sim.clock().advance(Duration.ofMinutes(2));
        start(collect("cph:jobs?delay=50&initialDelay=0"));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        assertThat(events).extracting(e -> e.getMessage().getHeader(CphConstants.REQUEST_ID)).containsOnly(restart.getRequestId());
    }

    @Test
    void requestIdsCanBeWatchedByOptionOrByTheJobsProducer() throws Exception {
        start(null);
        RestartCloudPhonesResult a = template.requestBodyAndHeader("cph:restartCloudPhones?trackJobs=false", null,
                CphConstants.PHONE_IDS, sim.cph().phoneIds().get(0), RestartCloudPhonesResult.class);
        RestartCloudPhonesResult b = template.requestBodyAndHeader("cph:restartCloudPhones?trackJobs=false", null,
                CphConstants.PHONE_IDS, sim.cph().phoneIds().get(1), RestartCloudPhonesResult.class);
        context.addRoutes(collect("cph:jobs?delay=50&initialDelay=0&requestIds=" + a.getRequestId()));
        template.sendBody("cph:jobs", b.getRequestId());
        sim.clock().advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        assertThat(events).extracting(e -> e.getMessage().getHeader(CphConstants.REQUEST_ID))
                .containsExactlyInAnyOrder(a.getRequestId(), b.getRequestId());
    }

    @Test
    void phonesConsumerEmitsEveryPhoneOnEveryPoll() throws Exception {
        start(collect("cph:phones?delay=100&initialDelay=0&serverId=server-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 20);
        assertThat(events.subList(0, 20)).extracting(e -> e.getMessage().getHeader(CphConstants.PHONE_ID))
                .containsExactlyElementsOf(List.of(sim.cph().phoneIds().subList(0, 10), sim.cph().phoneIds().subList(0, 10))
                        .stream().flatMap(List::stream).toList());
        assertThat(events.get(0).getMessage().getBody()).isInstanceOf(CphPhone.class);
        assertThat(events.get(0).getMessage().getHeader(CphConstants.PHONE_STATUS)).isEqualTo(CphState.RUNNING);
    }

    @Test
    void phonesConsumerWithOnlyChangesEmitsStatusChanges() throws Exception {
        start(collect("cph:phones?delay=50&initialDelay=0&onlyChanges=true&allPages=true&limit=10"));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 25);
        // three pages a poll
        SimulatorTestSupport.awaitFurther(sim, e -> "listCloudPhones".equals(e.operation()), 3 * 5);
        assertThat(events).hasSize(25);

        String phone = sim.cph().phoneIds().get(4);
        template.requestBodyAndHeader("cph:restartCloudPhones", null, CphConstants.PHONE_IDS, phone);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 26);
        Exchange change = events.get(25);
        assertThat(change.getMessage().getHeader(CphConstants.PHONE_ID)).isEqualTo(phone);
        assertThat(change.getMessage().getHeader(CphConstants.PHONE_STATUS)).isEqualTo(CphState.RESTARTING);
        assertThat(change.getMessage().getHeader(CphConstants.PREVIOUS_STATUS)).isEqualTo(CphState.RUNNING);

        sim.clock().advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 27);
        assertThat(events.get(26).getMessage().getHeader(CphConstants.PHONE_STATUS)).isEqualTo(CphState.RUNNING);
    }

    @Test
    void tokenAuthenticationWorksToo() throws Exception {
        start(null);
        Exchange out = template.send("cph:listCloudPhones?accessKey=&secretKey=&authToken=" + sim.staticToken(), e -> { });
        assertThat(out.getException()).isNull();
        Map<String, Long> auth = Map.of("token", sim.journal().entries().stream().filter(j -> "token".equals(j.auth())).count());
        assertThat(auth.get("token")).isEqualTo(1);
    }
}
