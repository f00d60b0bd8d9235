package io.github.camelkoophone.component.koophone;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.component.koophone.model.SyncCommandResult;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.journal.Journal;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimTask;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.COMMAND;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.REQUEST_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_IDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's own behaviour (retries, authentication, splitting) against the simulator: the simulator-backed
 * twins of {@link KooPhoneErrorsAndRetriesTest} and {@link KooPhoneAuthenticationTest}, asserting on the journal of
 * what reached the simulated cloud and on what it executed.
 */
class KooPhoneSimulatorBehaviourTest extends SimulatorTestSupport {

    private static final String IAM = "iamToken";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the next {@link #restartCamel} configures the component; static-token auth by default. */
    private Consumer<KooPhoneComponent> customize = component -> { };
    private List<String> ids;

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder.instances(250);
    }

    @Override
    protected void configure(KooPhoneComponent component) {
        customize.accept(component);
    }

    @BeforeEach
    void instanceIds() {
        ids = sim.inventory().ids();
        assertThat(ids).hasSize(250);
    }

    // ---------------------------------------------------------------------------------------------- retries

    @Test
    void a503IsRetriedWithTheSameRequestIdAndTheResetRunsOnce() {
        sim.faults().add(Fault.on("batchReset").httpStatus(503).retryAfter(1).times(2));

        Exchange out = call("koophone:batchReset", null, Map.of(INSTANCE_IDS, ids.subList(0, 2)));

        TaskResult task = ok(out, TaskResult.class);
        List<JournalEntry> attempts = sim.journal().entries("batchReset");
        assertThat(attempts).extracting(JournalEntry::status).containsExactly(503, 503, 200);
        assertThat(attempts).extracting(JournalEntry::fault).containsExactly("status:503", "status:503", null);
        String requestId = out.getMessage().getHeader(REQUEST_ID, String.class);
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(attempts).extracting(JournalEntry::requestId).containsOnly(requestId);
        assertThat(sim.journal().executedCount("batchReset")).isEqualTo(1);
        assertThat(sim.journal().duplicateExecutions()).isEmpty();
        assertThat(sim.tasks().all()).extracting(SimTask::taskId).containsExactly(task.getTaskId());
    }

    @Test
    void a429IsRetriedAfterTheRetryAfterDelay() {
        sim.faults().add(Fault.on("syncCommand").httpStatus(429).retryAfter(1).times(1));

        // a cap above Retry-After, so the server's 1 s is what the client waits
        Exchange out = call("koophone:syncCommand?maxRetryDelay=5000", null,
                Map.of(COMMAND, "echo again", INSTANCE_IDS, ids.get(0)));

        SyncCommandResult result = ok(out, SyncCommandResult.class);
        assertThat(result.getCmdResults()).singleElement().satisfies(r -> assertThat(r.getExecuteMsg()).isEqualTo("again"));
        List<JournalEntry> attempts = sim.journal().entries("syncCommand");
        assertThat(attempts).extracting(JournalEntry::status).containsExactly(429, 200);
        assertThat(attempts).extracting(JournalEntry::errorCode).containsExactly(ErrorCodes.GATEWAY_THROTTLED, "0");
        assertThat(attempts.get(1).requestId()).isEqualTo(attempts.get(0).requestId());
        Duration waited = Duration.between(attempts.get(0).time(), attempts.get(1).time());
        assertThat(waited).isBetween(Duration.ofMillis(900), Duration.ofMillis(4500));
        assertThat(sim.journal().executedCount("syncCommand")).isEqualTo(1);
    }

    @Test
    void retriesGiveUpAfterMaxRetries() {
        sim.faults().add(Fault.on("batchQueryStatus").httpStatus(503));

        Exchange out = call("koophone:batchQueryStatus?maxRetries=2", null, Map.of(INSTANCE_IDS, ids.get(0)));

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(503);
            assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.GATEWAY_UNAVAILABLE);
        });
        assertThat(sim.journal().count("batchQueryStatus")).isEqualTo(3);
    }

    @Test
    void a500AfterExecutionOnAStateChangingCallIsSentOnceAndFails() {
        sim.faults().add(Fault.on("batchReset").httpStatus(500).afterExecution().times(1));

        Exchange out = call("koophone:batchReset", null, Map.of(INSTANCE_IDS, ids.get(0)));

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(500);
            assertThat(e.getOperation()).isEqualTo("batchReset");
        });
        assertThat(sim.journal().count("batchReset")).isEqualTo(1);
        // the client saw a failure, yet the reset happened: exactly why it must not be repeated blindly
        assertThat(sim.journal().executedCount("batchReset")).isEqualTo(1);
        assertThat(sim.tasks().all()).hasSize(1);
        assertThat(sim.inventory().require(ids.get(0)).runningStatus()).isEqualTo(SimInstance.STATUS_STARTING);
    }

    @Test
    void retryNonIdempotentRepeatsA500AndTheJournalShowsTheDoubleExecution() {
        sim.faults().add(Fault.on("asyncCommand").httpStatus(500).afterExecution().times(1));

        Exchange out = call("koophone:asyncCommand?retryNonIdempotent=true", null,
                Map.of(COMMAND, "echo twice", INSTANCE_IDS, ids.subList(0, 2)));

        TaskResult task = ok(out, TaskResult.class);
        String requestId = out.getMessage().getHeader(REQUEST_ID, String.class);
        assertThat(sim.journal().entries("asyncCommand")).extracting(JournalEntry::status).containsExactly(500, 200);
        assertThat(sim.journal().executedCount("asyncCommand")).isEqualTo(2);
        // the documented trade-off of retryNonIdempotent: the command ran twice, as two tasks
        Map<String, List<JournalEntry>> duplicates = sim.journal().duplicateExecutions();
        assertThat(duplicates).containsOnlyKeys(requestId);
        assertThat(duplicates.get(requestId)).hasSize(2);
        assertThat(sim.tasks().all()).hasSize(2).extracting(SimTask::taskId).contains(task.getTaskId());
    }

    @Test
    void retryNonIdempotentOnAResetRunsIntoTheBusyCheckOfTheResetItRepeats() {
        sim.faults().add(Fault.on("batchReset").httpStatus(500).afterExecution().times(1));

        Exchange out = call("koophone:batchReset?retryNonIdempotent=true", null, Map.of(INSTANCE_IDS, ids.get(0)));

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(200);
            assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.INSTANCE_BUSY);
        });
        assertThat(sim.journal().count("batchReset")).isEqualTo(2);
        assertThat(sim.journal().executedCount("batchReset")).isEqualTo(1);
        assertThat(sim.tasks().all()).hasSize(1);
    }

    @Test
    void aDroppedConnectionOnGetTaskIsRetriedAndSucceeds() {
        String taskId = ok(call("koophone:asyncCommand", null, Map.of(COMMAND, "whoami", INSTANCE_IDS, ids.get(0))),
                TaskResult.class).getTaskId();
        sim.faults().add(Fault.onPath("/v1/instances/tasks/").drop().times(1));

        Exchange out = call("koophone:getTask", null, Map.of(TASK_ID, taskId));

        GetTaskResult result = ok(out, GetTaskResult.class);
        assertThat(result.getJobs()).hasSize(1);
        List<JournalEntry> attempts = sim.journal().entries("getTask");
        assertThat(attempts).extracting(JournalEntry::status).containsExactly(0, 200);
        assertThat(attempts).extracting(JournalEntry::requestId).containsOnly(out.getMessage().getHeader(REQUEST_ID, String.class));
    }

    @Test
    void aDroppedConnectionOnAStateChangingCallIsNotRetried() {
        sim.faults().add(Fault.on("batchRebootInstance").drop().times(1));

        Exchange out = call("koophone:batchRebootInstance", null, Map.of(INSTANCE_IDS, ids.get(0)));

        assertThat(out.getException()).isInstanceOf(IOException.class);
        assertThat(sim.journal().count("batchRebootInstance")).isEqualTo(1);
        assertThat(sim.inventory().require(ids.get(0)).runningStatus()).isEqualTo(SimInstance.STATUS_RUNNING);
    }

    // ---------------------------------------------------------------------------------------------- IAM password login

    private void passwordLogin(String password) throws Exception {
        restartWith(component -> {
            KooPhoneConfiguration c = component.getConfiguration();
            c.setAuthToken(null);
            c.setUsername(KooPhoneSimulator.DEFAULT_USER);
            c.setPassword(password);
            c.setDomainName(KooPhoneSimulator.DEFAULT_DOMAIN);
            c.setProjectName(KooPhoneSimulator.DEFAULT_PROJECT_NAME);
        });
    }

    private Exchange queryStatus() {
        return call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, ids.subList(0, 3)));
    }

    @Test
    void passwordLoginFetchesOneTokenForManyCallsConcurrentOnesIncluded() throws Exception {
        passwordLogin(KooPhoneSimulator.DEFAULT_PASSWORD);

        List<CompletableFuture<Exchange>> concurrent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            concurrent.add(template.asyncSend("koophone:batchQueryStatus",
                    exchange -> exchange.getMessage().setHeader(INSTANCE_IDS, ids.get(0))));
        }
        concurrent.forEach(f -> ok(f.join(), BatchQueryStatusResult.class));
        for (int i = 0; i < 5; i++) {
            ok(queryStatus(), BatchQueryStatusResult.class);
        }

        assertThat(sim.journal().count(IAM)).isEqualTo(1);
        JournalEntry login = sim.journal().entries(IAM).get(0);
        assertThat(login.status()).isEqualTo(201);
        assertThat(login.body()).contains(KooPhoneSimulator.DEFAULT_USER).doesNotContain(KooPhoneSimulator.DEFAULT_PASSWORD);
        List<JournalEntry> calls = sim.journal().entries("batchQueryStatus");
        assertThat(calls).hasSize(15).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.auth()).isEqualTo("token");
        });
        assertThat(calls).extracting(e -> e.headers().get("x-auth-token")).containsOnly(calls.get(0).headers().get("x-auth-token"))
                .doesNotContain(Journal.fingerprint(sim.staticToken()));
        assertThat(sim.iam().issuedCount()).isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsReplacedOnceTransparently() throws Exception {
        passwordLogin(KooPhoneSimulator.DEFAULT_PASSWORD);
        ok(queryStatus(), BatchQueryStatusResult.class);

        assertThat(sim.revokeTokens()).isEqualTo(1);
        ok(queryStatus(), BatchQueryStatusResult.class);
        ok(queryStatus(), BatchQueryStatusResult.class);

        assertThat(sim.journal().count(IAM)).isEqualTo(2);
        List<JournalEntry> calls = sim.journal().entries("batchQueryStatus");
        assertThat(calls).extracting(JournalEntry::status).containsExactly(200, 401, 200, 200);
        assertThat(calls.get(1).errorCode()).isEqualTo(ErrorCodes.GATEWAY_AUTH);
        assertThat(calls.get(1).headers().get("x-auth-token")).isEqualTo(calls.get(0).headers().get("x-auth-token"));
        assertThat(calls.get(2).headers().get("x-auth-token")).isNotEqualTo(calls.get(1).headers().get("x-auth-token"));
        assertThat(calls.get(2).requestId()).isEqualTo(calls.get(1).requestId());
    }

    @Test
    void aTokenTheServerConsidersExpiredIsRefreshedAfterOne401() throws Exception {
        // the component keeps the real clock: it believes the token valid, the simulator a day later does not
        passwordLogin(KooPhoneSimulator.DEFAULT_PASSWORD);
        ok(queryStatus(), BatchQueryStatusResult.class);

        sim.clock().advance(Duration.ofHours(25));
        ok(queryStatus(), BatchQueryStatusResult.class);

        assertThat(sim.journal().count(IAM)).isEqualTo(2);
        assertThat(sim.journal().entries("batchQueryStatus")).extracting(JournalEntry::status).containsExactly(200, 401, 200);
    }

    @Test
    void aTokenIsRefreshedBeforeItExpiresWhenTheComponentSharesTheSimulatedClock() throws Exception {
        restartWith(component -> {
            KooPhoneConfiguration c = component.getConfiguration();
            c.setAuthToken(null);
            c.setUsername(KooPhoneSimulator.DEFAULT_USER);
            c.setPassword(KooPhoneSimulator.DEFAULT_PASSWORD);
            c.setDomainName(KooPhoneSimulator.DEFAULT_DOMAIN);
            c.setProjectId(KooPhoneSimulator.DEFAULT_PROJECT_ID);
            component.useClock(sim.clock());
        });
        ok(queryStatus(), BatchQueryStatusResult.class);

        sim.clock().advance(Duration.ofHours(23).plusMinutes(50)); // 10 minutes left: outside the refresh margin
        ok(queryStatus(), BatchQueryStatusResult.class);
        assertThat(sim.journal().count(IAM)).isEqualTo(1);

        sim.clock().advance(Duration.ofMinutes(7)); // 3 minutes left: inside it
        ok(queryStatus(), BatchQueryStatusResult.class);

        assertThat(sim.journal().count(IAM)).isEqualTo(2);
        List<JournalEntry> calls = sim.journal().entries("batchQueryStatus");
        assertThat(calls).extracting(JournalEntry::status).containsExactly(200, 200, 200); // refreshed ahead, never a 401
        assertThat(calls.get(2).headers().get("x-auth-token")).isNotEqualTo(calls.get(1).headers().get("x-auth-token"));
    }

    @Test
    void aWrongPasswordFailsClearlyWithOneIamRequestAndNoApiRequest() throws Exception {
        passwordLogin("not-the-password");

        Exchange first = queryStatus();
        Exchange second = queryStatus();

        assertThat(first.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getOperation()).isEqualTo(IAM);
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getErrorMessage()).contains("password is wrong");
            assertThat(e.getMessage()).doesNotContain("not-the-password");
        });
        assertThat(second.getException()).isInstanceOf(KooPhoneApiException.class);
        assertThat(sim.journal().count(IAM)).isEqualTo(1);
        assertThat(sim.journal().count("batchQueryStatus")).isZero();
        assertThat(sim.journal().entries()).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------- AK/SK

    private void akSk(String secretKey) throws Exception {
        restartWith(component -> {
            KooPhoneConfiguration c = component.getConfiguration();
            c.setAuthToken(null);
            c.setAccessKey(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
            c.setSecretKey(secretKey);
            c.setProjectId(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        });
    }

    @Test
    void akSkSignedRequestsAreAccepted() throws Exception {
        akSk(KooPhoneSimulator.DEFAULT_SECRET_KEY);

        TaskResult reset = ok(call("koophone:batchReset", null, Map.of(INSTANCE_IDS, ids.subList(0, 2))), TaskResult.class);
        ok(call("koophone:listInstances", Map.of("page_size", 5, "instance_name", "koophone-0000"), Map.of()),
                io.github.camelkoophone.component.koophone.model.ListInstancesResult.class);

        assertThat(reset.getCmdJobs()).hasSize(2);
        assertThat(sim.journal().entries()).hasSize(2).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.auth()).isEqualTo("aksk");
            assertThat(e.principal()).isEqualTo(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
            assertThat(e.headers().get("authorization")).startsWith("SDK-HMAC-SHA256 Access=" + KooPhoneSimulator.DEFAULT_ACCESS_KEY);
            assertThat(e.headers().get("x-project-id")).isEqualTo(KooPhoneSimulator.DEFAULT_PROJECT_ID);
            assertThat(e.headers()).doesNotContainKey("x-auth-token");
        });
        assertThat(sim.journal().count(IAM)).isZero();
    }

    @Test
    void aWrongSecretKeyGetsOne401AndNoRetryLoop() throws Exception {
        akSk("not-the-secret-key-0123456789abcdefghij");

        Exchange out = call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, ids.get(0)));

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.GATEWAY_AUTH);
            assertThat(e.getMessage()).doesNotContain("not-the-secret-key");
        });
        assertThat(sim.journal().entries()).singleElement().satisfies(e -> {
            assertThat(e.auth()).isEqualTo("aksk");
            assertThat(e.status()).isEqualTo(401);
        });
    }

    // ---------------------------------------------------------------------------------------------- splitting

    @Test
    void twoHundredFiftyIdsAreSplitIntoThreeResetsWhoseResultsAreMerged() throws Exception {
        Exchange out = call("koophone:batchReset?maxBatchSize=100", null, Map.of(INSTANCE_IDS, ids));

        TaskResult merged = ok(out, TaskResult.class);
        List<JournalEntry> calls = sim.journal().entries("batchReset");
        assertThat(calls).hasSize(3).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        List<Integer> sizes = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        for (JournalEntry e : calls) {
            List<String> chunk = new ArrayList<>();
            JSON.readTree(e.body()).path("instance_ids").forEach(id -> chunk.add(id.asText()));
            sizes.add(chunk.size());
            sent.addAll(chunk);
        }
        assertThat(sizes).containsExactlyInAnyOrder(100, 100, 50);
        assertThat(sent).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(calls).extracting(JournalEntry::requestId).doesNotHaveDuplicates();

        List<?> taskIds = out.getMessage().getHeader(TASK_IDS, List.class);
        assertThat(taskIds).hasSize(3).doesNotHaveDuplicates().allSatisfy(t -> assertThat((String) t).startsWith("RM_"));
        assertThat(sim.tasks().all()).extracting(SimTask::taskId).containsExactlyInAnyOrderElementsOf(
                taskIds.stream().map(String.class::cast).toList());
        assertThat(out.getMessage().getHeader(TASK_ID)).isEqualTo(taskIds.get(0));
        assertThat(merged.getTaskId()).isEqualTo(taskIds.get(0));
        assertThat(merged.getCmdJobs()).hasSize(250);
        assertThat(merged.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(merged.getCmdJobs()).extracting(CmdJob::getTaskId).containsOnlyElementsOf(
                taskIds.stream().map(String.class::cast).toList());
        assertThat(sim.journal().executedCount("batchReset")).isEqualTo(3);
        assertThat(ids).allSatisfy(id ->
                assertThat(sim.inventory().require(id).runningStatus()).isEqualTo(SimInstance.STATUS_STARTING));
    }

    @Test
    void splitCallsRespectBatchConcurrency() {
        sim.faults().add(Fault.on("batchQueryStatus").latency(Duration.ofMillis(200)));

        long start = System.nanoTime();
        Exchange limited = call("koophone:batchQueryStatus?maxBatchSize=50&batchConcurrency=2", null, Map.of(INSTANCE_IDS, ids));
        long limitedMillis = (System.nanoTime() - start) / 1_000_000;

        BatchQueryStatusResult result = ok(limited, BatchQueryStatusResult.class);
        assertThat(result.getStatusResults()).hasSize(250);
        assertThat(result.getStatusResults()).extracting(InstanceStatus::getInstanceId).containsExactlyInAnyOrderElementsOf(ids);
        List<JournalEntry> calls = sim.journal().entries("batchQueryStatus");
        assertThat(calls).hasSize(5);
        assertThat(peakConcurrency(calls)).isEqualTo(2);
        assertThat(limitedMillis).isGreaterThanOrEqualTo(3 * 200 - 50); // five 200 ms calls, two at a time: three rounds

        sim.journal().clear();
        ok(call("koophone:batchQueryStatus?maxBatchSize=50&batchConcurrency=5", null, Map.of(INSTANCE_IDS, ids)),
                BatchQueryStatusResult.class);
        assertThat(peakConcurrency(sim.journal().entries("batchQueryStatus"))).isGreaterThan(2);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void restartWith(Consumer<KooPhoneComponent> customization) throws Exception {
        context.stop();
        customize = customization;
        context = newContext();
        context.start();
        template = context.createProducerTemplate();
    }

    private static <T> T ok(Exchange out, Class<T> type) {
        assertThat(out.getException()).as("exception of %s", out.getFromEndpoint()).isNull();
        Object body = out.getMessage().getBody();
        assertThat(body).isInstanceOf(type);
        return type.cast(body);
    }
}
