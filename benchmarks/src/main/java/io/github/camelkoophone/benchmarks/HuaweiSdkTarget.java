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
 * <p>
 * As shipped, the SDK's OkHttp interceptor ({@code DefaultHttpListener} in huaweicloud-sdk-core 3.1.143) copies every
 * request body into a string and reads every response body into a string and a new body whenever
 * {@code HttpConfig.getHttpListeners()} is not null, and the default is an empty list, so it does this with no
 * listener registered. Tuned, the list is set to null ({@code withHttpListeners(null)}; an empty list would not
 * do), which skips both copies and nothing else.
 */
final class HuaweiSdkTarget extends Target {

    private final KooPhoneClient client;

    /**
     * @param tuned no HTTP listeners, so no body copies (see above)
     */
    HuaweiSdkTarget(String id, String label, String baseUrl, int maxConnections, boolean tuned) {
        this(id, label, baseUrl, config(maxConnections, tuned), ACCESS_KEY, SECRET_KEY, PROJECT_ID);
    }

    /** The SDK's client on {@code config}, with these AK/SK credentials. */
    HuaweiSdkTarget(String id, String label, String baseUrl, HttpConfig config, String accessKey, String secretKey,
                    String projectId) {
        super(id, label);
        this.client = KooPhoneClient.newBuilder()
                .withHttpConfig(config)
                .withCredential(new BasicCredentials()
                        .withAk(accessKey)
                        .withSk(secretKey)
                        .withProjectId(projectId))
                .withEndpoint(baseUrl)
                .build();
    }

    /** The SDK's HTTP settings as shipped (or tuned), with a pool of {@code maxConnections}. */
    static HttpConfig config(int maxConnections, boolean tuned) {
        HttpConfig config = HttpConfig.getDefaultHttpConfig()
                .withConnectionPool(new ConnectionPool(maxConnections, 5, TimeUnit.MINUTES))
                .withIgnoreSSLVerification(false);
        if (tuned) {
            config.setHttpListeners(null);
        }
        return config;
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
