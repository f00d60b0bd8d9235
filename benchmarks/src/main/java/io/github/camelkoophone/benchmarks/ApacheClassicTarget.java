package io.github.camelkoophone.benchmarks;

import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The practical limit of calling by hand: Apache HttpClient 5 classic (blocking), pooled, configured as the
 * component configures its own client (no automatic retries, redirects, cookies or connection state), the same
 * JSON, envelope bound by Jackson into the component's result classes.
 */
final class ApacheClassicTarget extends Target {

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient client;
    private final String baseUrl;
    private final ByHand byHand;

    ApacheClassicTarget(String id, String label, String baseUrl, int maxConnections, boolean signed) {
        this(id, label, baseUrl, maxConnections, signed, false);
    }

    /**
     * @param minimal {@link HttpClients#createMinimal} (no execution chain: no authentication, redirects, cookies,
     *                retries or proxies) instead of the full client configured as above
     */
    ApacheClassicTarget(String id, String label, String baseUrl, int maxConnections, boolean signed, boolean minimal) {
        super(id, label);
        this.baseUrl = baseUrl;
        this.byHand = new ByHand(baseUrl, signed);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        this.client = minimal ? HttpClients.createMinimal(connections) : HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableConnectionState()
                .build();
    }

    @Override
    Object getTask(String taskId) throws Exception {
        String path = ByHand.getTaskPath(taskId);
        return execute(new HttpGet(baseUrl + path), path, null, ByHand.GET_TASK);
    }

    @Override
    Object asyncCommand(String command, List<String> instanceIds) throws Exception {
        byte[] body = ByHand.commandBody(command, instanceIds);
        HttpPost post = new HttpPost(baseUrl + StubServer.ASYNC_COMMAND_PATH);
        post.setEntity(new ByteArrayEntity(body, JSON));
        return execute(post, StubServer.ASYNC_COMMAND_PATH, body, ByHand.ASYNC_COMMAND);
    }

    private Object execute(HttpUriRequestBase request, String path, byte[] body, JavaType type) throws Exception {
        String requestId = ByHand.requestId();
        request.setHeader("x-request-id", requestId);
        String[] auth = byHand.auth(request.getMethod(), path, requestId, body);
        for (int i = 0; i < auth.length; i += 2) {
            request.setHeader(auth[i], auth[i + 1]);
        }
        return client.execute(request, response -> ByHand.read(response.getCode(), response.getEntity().getContent(), type));
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
