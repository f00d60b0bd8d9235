package io.github.camelkoophone.simulator;

import java.time.Duration;
import java.util.List;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.cph.v1.CphClient;
import com.huaweicloud.sdk.cph.v1.model.Job;
import com.huaweicloud.sdk.cph.v1.model.ListCloudPhonesRequest;
import com.huaweicloud.sdk.cph.v1.model.ListCloudPhonesResponse;
import com.huaweicloud.sdk.cph.v1.model.ListJobsRequest;
import com.huaweicloud.sdk.cph.v1.model.ListJobsResponse;
import com.huaweicloud.sdk.cph.v1.model.PhoneProperty;
import com.huaweicloud.sdk.cph.v1.model.RestartCloudPhoneRequest;
import com.huaweicloud.sdk.cph.v1.model.RestartCloudPhoneRequestBody;
import com.huaweicloud.sdk.cph.v1.model.RestartCloudPhoneResponse;
import com.huaweicloud.sdk.cph.v1.model.ShowJobRequest;
import com.huaweicloud.sdk.cph.v1.model.ShowJobResponse;
import io.github.camelkoophone.simulator.cph.CphState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proof of fidelity of the CPH mode: Huawei's official CPH SDK, signing with AK/SK, lists phones, restarts them
 * and follows the jobs against the simulator; every signature is accepted and every response parses.
 */
class CphSdkFidelityTest {

    private static KooPhoneSimulator sim;
    private static CphClient client;

    @BeforeAll
    static void start() {
        sim = KooPhoneSimulator.builder().cphPhones(12).taskDuration(Duration.ofMinutes(1)).start();
        BasicCredentials credentials = new BasicCredentials()
                .withAk(KooPhoneSimulator.DEFAULT_ACCESS_KEY)
                .withSk(KooPhoneSimulator.DEFAULT_SECRET_KEY)
                .withProjectId(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        client = CphClient.newBuilder()
                .withCredential(credentials)
                .withEndpoints(List.of(sim.url()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true).withTimeout(10))
                .build();
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @Test
    void listRestartAndFollowTheJobsWithTheOfficialSdk() {
        ListCloudPhonesResponse page = client.listCloudPhones(new ListCloudPhonesRequest().withOffset(0).withLimit(10));
        assertThat(page.getHttpStatusCode()).isEqualTo(200);
        assertThat(page.getCount()).isEqualTo(12);
        assertThat(page.getPhones()).hasSize(10);
        assertThat(page.getRequestId()).hasSize(32);
        ListCloudPhonesResponse rest = client.listCloudPhones(new ListCloudPhonesRequest().withOffset(10).withLimit(10));
        assertThat(rest.getPhones()).hasSize(2);
        ListCloudPhonesResponse server2 = client.listCloudPhones(new ListCloudPhonesRequest().withServerId("server-2"));
        assertThat(server2.getPhones()).extracting("serverId").containsOnly("server-2");
        assertThat(server2.getPhones()).hasSize(2);

        String a = page.getPhones().get(0).getPhoneId();
        String b = page.getPhones().get(1).getPhoneId();
        RestartCloudPhoneResponse restart = client.restartCloudPhone(new RestartCloudPhoneRequest()
                .withBody(new RestartCloudPhoneRequestBody().withPhones(List.of(
                        new PhoneProperty().withPhoneId(a), new PhoneProperty().withPhoneId(b)))));
        assertThat(restart.getRequestId()).isNotBlank();
        assertThat(restart.getJobs()).extracting("phoneId").containsExactly(a, b);
        assertThat(sim.cph().phoneStatus(a)).isEqualTo(CphState.RESTARTING);

        ListJobsResponse running = client.listJobs(new ListJobsRequest().withRequestId(restart.getRequestId()));
        assertThat(running.getJobs()).extracting(Job::getStatus).containsOnly(1);

        sim.clock().advance(Duration.ofMinutes(2));
        ListJobsResponse done = client.listJobs(new ListJobsRequest().withRequestId(restart.getRequestId()));
        assertThat(done.getJobs()).extracting(Job::getStatus).containsOnly(2);
        assertThat(done.getJobs().get(0).getEndTime()).isNotBlank();

        ShowJobResponse job = client.showJob(new ShowJobRequest().withJobId(restart.getJobs().get(0).getJobId()));
        assertThat(job.getStatus()).isEqualTo(2);
        assertThat(job.getPhoneId()).isEqualTo(a);
        assertThat(sim.cph().phoneStatus(a)).isEqualTo(CphState.RUNNING);
        assertThat(sim.journal().count("restartCloudPhones")).isEqualTo(1);
    }

    @Test
    void errorsReachTheSdkAsServiceErrors() {
        assertThatThrownBy(() -> client.showJob(new ShowJobRequest().withJobId("nope")))
                .isInstanceOf(ServiceResponseException.class)
                .satisfies(e -> {
                    ServiceResponseException sre = (ServiceResponseException) e;
                    assertThat(sre.getHttpStatusCode()).isEqualTo(404);
                    assertThat(sre.getErrorCode()).isEqualTo("CPS.0015");
                });
    }
}
