package io.github.camelkoophone.simulator;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.koophone.v1.KooPhoneClient;
import com.huaweicloud.sdk.koophone.v1.model.AsyncInvokeInstanceRequest;
import com.huaweicloud.sdk.koophone.v1.model.AsyncInvokeInstanceResponse;
import com.huaweicloud.sdk.koophone.v1.model.BatchResetInstanceRequest;
import com.huaweicloud.sdk.koophone.v1.model.BatchResetInstanceResponse;
import com.huaweicloud.sdk.koophone.v1.model.BatchShowInstanceRequest;
import com.huaweicloud.sdk.koophone.v1.model.BatchShowInstanceResponse;
import com.huaweicloud.sdk.koophone.v1.model.CmdResult;
import com.huaweicloud.sdk.koophone.v1.model.ExecuteInstanceAuthTokenRequest;
import com.huaweicloud.sdk.koophone.v1.model.ExecuteInstanceAuthTokenResponse;
import com.huaweicloud.sdk.koophone.v1.model.ExecuteJobRequest;
import com.huaweicloud.sdk.koophone.v1.model.ExecuteJobResponse;
import com.huaweicloud.sdk.koophone.v1.model.InstanceAsyncCommandsReq;
import com.huaweicloud.sdk.koophone.v1.model.InstanceResetReq;
import com.huaweicloud.sdk.koophone.v1.model.InstanceSetting;
import com.huaweicloud.sdk.koophone.v1.model.InstanceStatusReq;
import com.huaweicloud.sdk.koophone.v1.model.InstanceSyncCommandsReq;
import com.huaweicloud.sdk.koophone.v1.model.InstanceVideoSettingReq;
import com.huaweicloud.sdk.koophone.v1.model.JobDetail;
import com.huaweicloud.sdk.koophone.v1.model.SetVideoRequest;
import com.huaweicloud.sdk.koophone.v1.model.SetVideoResponse;
import com.huaweicloud.sdk.koophone.v1.model.StatusResult;
import com.huaweicloud.sdk.koophone.v1.model.SyncInvokeInstanceRequest;
import com.huaweicloud.sdk.koophone.v1.model.SyncInvokeInstanceResponse;
import com.huaweicloud.sdk.koophone.v1.model.VideoSpec;
import com.huaweicloud.sdk.koophone.v1.model.VideoSpecGroup;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.state.SimInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof of fidelity: Huawei's official KooPhone SDK, signing with AK/SK, calls all seven operations it
 * offers against the simulator; every signature is accepted and every response parses.
 */
class HuaweiSdkFidelityTest {

    private static KooPhoneSimulator sim;
    private static KooPhoneClient client;
    private static List<String> ids;

    @BeforeAll
    static void start() {
        sim = KooPhoneSimulator.builder().instances(3).taskDuration(Duration.ofMillis(100)).start();
        ids = sim.inventory().ids();
        BasicCredentials credentials = new BasicCredentials()
                .withAk(KooPhoneSimulator.DEFAULT_ACCESS_KEY)
                .withSk(KooPhoneSimulator.DEFAULT_SECRET_KEY)
                .withProjectId(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        client = KooPhoneClient.newBuilder()
                .withCredential(credentials)
                .withEndpoints(List.of(sim.url()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true).withTimeout(10))
                .build();
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void allSevenSdkOperationsAreAcceptedAndParsed() {
        SyncInvokeInstanceResponse sync = client.syncInvokeInstance(new SyncInvokeInstanceRequest()
                .withXRequestId(requestId())
                .withBody(new InstanceSyncCommandsReq().withCommand("echo hello").withInstanceIds(List.of(ids.get(0)))));
        assertThat(sync.getHttpStatusCode()).isEqualTo(200);
        assertThat(sync.getErrorCode()).isEqualTo("0");
        CmdResult result = sync.getData().getCmdResults().get(0);
        assertThat(result.getInstanceId()).isEqualTo(ids.get(0));
        assertThat(result.getStatus()).isEqualTo(2);
        assertThat(result.getExecuteMsg()).isEqualTo("hello");

        AsyncInvokeInstanceResponse async = client.asyncInvokeInstance(new AsyncInvokeInstanceRequest()
                .withXRequestId(requestId())
                .withBody(new InstanceAsyncCommandsReq().withCommand("getprop ro.product.model").withInstanceIds(ids)));
        assertThat(async.getData().getTaskId()).matches("[0-9a-f]{32}");
        assertThat(async.getData().getCmdJobs()).hasSize(3);
        assertThat(async.getData().getCmdJobs().get(1).getInstanceId()).isEqualTo(ids.get(1));

        sim.clock().advance(Duration.ofSeconds(1));
        ExecuteJobResponse job = client.executeJob(new ExecuteJobRequest().withXRequestId(requestId())
                .withTaskId(async.getData().getTaskId()));
        assertThat(job.getData().getJobs()).hasSize(3);
        JobDetail first = job.getData().getJobs().get(0);
        assertThat(first.getJobId()).isEqualTo(async.getData().getCmdJobs().get(0).getJobId());
        assertThat(first.getStatus()).isEqualTo(JobDetail.StatusEnum.NUMBER_2);
        assertThat(first.getExecuteMsg()).isEqualTo("KooPhone Simulator");

        VideoSpec spec = new VideoSpec().withCodeRate(6000).withFps(30);
        SetVideoResponse video = client.setVideo(new SetVideoRequest().withXRequestId(requestId())
                .withBody(new InstanceVideoSettingReq().withInstanceIds(List.of(ids.get(0)))
                        .withInstanceSettings(List.of(new InstanceSetting()
                                .withNetworkType(InstanceSetting.NetworkTypeEnum.WIFI)
                                .withEncodingType(InstanceSetting.EncodingTypeEnum.H264)
                                .withVideoSpecGroups(List.of(new VideoSpecGroup().withDefinition540P(spec)
                                        .withDefinition720P(spec).withDefinition1080P(spec)))))));
        assertThat(video.getErrorCode()).isEqualTo("0");
        assertThat(sim.inventory().require(ids.get(0)).videoSettings().get(0).path("network_type").asText())
                .isEqualTo("WIFI");

        BatchShowInstanceResponse status = client.batchShowInstance(new BatchShowInstanceRequest()
                .withXRequestId(requestId()).withBody(new InstanceStatusReq().withInstanceIds(ids)));
        StatusResult s = status.getData().getStatusResults().get(2);
        assertThat(s.getInstanceId()).isEqualTo(ids.get(2));
        assertThat(s.getStatus()).isEqualTo(StatusResult.StatusEnum.NUMBER_2);

        BatchResetInstanceResponse reset = client.batchResetInstance(new BatchResetInstanceRequest()
                .withXRequestId(requestId()).withBody(new InstanceResetReq().withInstanceIds(List.of(ids.get(1)))));
        assertThat(reset.getErrorCode()).isEqualTo("0");
        assertThat(sim.inventory().require(ids.get(1)).runningStatus()).isEqualTo(SimInstance.STATUS_STARTING);

        ExecuteInstanceAuthTokenResponse token = client.executeInstanceAuthToken(
                new ExecuteInstanceAuthTokenRequest().withInstanceId(ids.get(2)));
        assertThat(token.getData().getDeviceToken()).matches("[0-9a-f]{32}");
        assertThat(token.getData().getResource().getKpId()).isEqualTo(ids.get(2));
        assertThat(token.getData().getResource().getSdk().getExternal().getAport()).isEqualTo(10030);
        assertThat(token.getData().getResource().getSdk().getInternal().getAport()).isEqualTo("10031");
        assertThat(token.getData().getResource().getRtc().getIceSignaling().getSignalingUrl()).startsWith("http://");

        List<JournalEntry> entries = sim.journal().entries();
        assertThat(entries).hasSize(7);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.errorCode()).isEqualTo("0");
            assertThat(e.auth()).isEqualTo("aksk");
            assertThat(e.principal()).isEqualTo(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
        });
        assertThat(entries).extracting(JournalEntry::operation).containsExactly("syncCommand", "asyncCommand",
                "getTask", "setVideoConfig", "batchQueryStatus", "batchReset", "getDeviceToken");
        // SDK 3.1.143 signs host, user-agent, x-project-id, x-request-id and x-sdk-date; the verifier
        // follows whatever SignedHeaders lists.
        assertThat(entries.get(0).headers().get("authorization"))
                .contains("SignedHeaders=host;", "x-project-id;x-request-id;x-sdk-date")
                .doesNotContain(KooPhoneSimulator.DEFAULT_SECRET_KEY);
    }
}
