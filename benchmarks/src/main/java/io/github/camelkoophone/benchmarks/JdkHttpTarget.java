package io.github.camelkoophone.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;

/** The JDK's java.net.http client, HTTP/1.1, blocking send, the same JSON and parsing as the other raw clients. */
final class JdkHttpTarget extends Target {

    private final HttpClient client;
    private final String baseUrl;
    private final ByHand byHand;

    JdkHttpTarget(String id, String label, String baseUrl, boolean signed) {
        super(id, label);
        this.baseUrl = baseUrl;
        this.byHand = new ByHand(baseUrl, signed);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    Object getTask(String taskId) throws Exception {
        String path = ByHand.getTaskPath(taskId);
        return execute(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), "GET", path, null, ByHand.GET_TASK);
    }

    @Override
    Object asyncCommand(String command, List<String> instanceIds) throws Exception {
        byte[] body = ByHand.commandBody(command, instanceIds);
        return execute(HttpRequest.newBuilder(URI.create(baseUrl + StubServer.ASYNC_COMMAND_PATH))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                "POST", StubServer.ASYNC_COMMAND_PATH, body, ByHand.ASYNC_COMMAND);
    }

    private Object execute(HttpRequest.Builder builder, String method, String path, byte[] body, JavaType type)
            throws Exception {
        String requestId = ByHand.requestId();
        builder.header("x-request-id", requestId);
        String[] auth = byHand.auth(method, path, requestId, body);
        for (int i = 0; i < auth.length; i += 2) {
            builder.header(auth[i], auth[i + 1]);
        }
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return ByHand.read(response.statusCode(), response.body(), type);
    }
}
