package io.github.camelkoophone.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.koophone.v1.KooPhoneClient;
import com.huaweicloud.sdk.koophone.v1.model.AsyncInvokeInstanceRequest;
import com.huaweicloud.sdk.koophone.v1.model.ExecuteJobRequest;
import com.huaweicloud.sdk.koophone.v1.model.InstanceAsyncCommandsReq;
import okhttp3.ConnectionPool;

/**
 * Huawei's official SDK ({@code huaweicloud-sdk-koophone}): {@code KooPhoneClient} with AK/SK
 * {@code BasicCredentials} (and a project id, so it never calls IAM), over OkHttp with a pool sized like the
 * others'. GetTask is the SDK's {@code executeJob}, AsyncCommand its {@code asyncInvokeInstance}.
 */
final class HuaweiSdkTarget extends Target {

    private final KooPhoneClient client;

    HuaweiSdkTarget(String id, String label, String baseUrl, int maxConnections) {
        super(id, label);
        HttpConfig config = HttpConfig.getDefaultHttpConfig()
                .withConnectionPool(new ConnectionPool(maxConnections, 5, TimeUnit.MINUTES))
                .withIgnoreSSLVerification(false);
        this.client = KooPhoneClient.newBuilder()
                .withHttpConfig(config)
                .withCredential(new BasicCredentials()
                        .withAk(ACCESS_KEY)
                        .withSk(SECRET_KEY)
                        .withProjectId(PROJECT_ID))
                .withEndpoint(baseUrl)
                .build();
    }

    @Override
    Object getTask(String taskId) {
        return client.executeJob(new ExecuteJobRequest().withTaskId(taskId).withXRequestId(ByHand.requestId()));
    }

    @Override
    Object asyncCommand(String command, List<String> instanceIds) {
        return client.asyncInvokeInstance(new AsyncInvokeInstanceRequest()
                .withXRequestId(ByHand.requestId())
                .withBody(new InstanceAsyncCommandsReq().withCommand(command).withInstanceIds(new ArrayList<>(instanceIds))));
    }
}
