package io.github.camelkoophone.benchmarks;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JavaType;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * Apache HttpClient 5 async, pooled, with callbacks: the request goes out on the I/O reactor, the response is
 * parsed in the completion callback, and the calling thread waits on a CompletableFuture per call. The same
 * client settings, JSON and parsing as {@link ApacheClassicTarget}: the difference is the I/O model.
 */
final class ApacheAsyncTarget extends Target {

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient client;
    private final String baseUrl;
    private final ByHand byHand;

    ApacheAsyncTarget(String id, String label, String baseUrl, int maxConnections, boolean signed) {
        super(id, label);
        this.baseUrl = baseUrl;
        this.byHand = new ByHand(baseUrl, signed);
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableConnectionState()
                .build();
        client.start();
    }

    @Override
    Object getTask(String taskId) throws Exception {
        String path = ByHand.getTaskPath(taskId);
        return execute(SimpleRequestBuilder.get(baseUrl + path), "GET", path, null, ByHand.GET_TASK);
    }

    @Override
    Object asyncCommand(String command, List<String> instanceIds) throws Exception {
        byte[] body = ByHand.commandBody(command, instanceIds);
        return execute(SimpleRequestBuilder.post(baseUrl + StubServer.ASYNC_COMMAND_PATH).setBody(body, JSON), "POST",
                StubServer.ASYNC_COMMAND_PATH, body, ByHand.ASYNC_COMMAND);
    }

    private Object execute(SimpleRequestBuilder builder, String method, String path, byte[] body, JavaType type)
            throws Exception {
        String requestId = ByHand.requestId();
        builder.setHeader("x-request-id", requestId);
        String[] auth = byHand.auth(method, path, requestId, body);
        for (int i = 0; i < auth.length; i += 2) {
            builder.setHeader(auth[i], auth[i + 1]);
        }
        SimpleHttpRequest request = builder.build();
        CompletableFuture<Object> result = new CompletableFuture<>();
        client.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                try {
                    result.complete(ByHand.read(response.getCode(), response.getBodyBytes(), type));
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(new CancellationException());
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
