package io.github.camelkoophone.component.koophone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.camelkoophone.component.cloud.http.ResponseTooLargeException;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, part 4: whatever a broken gateway or a hostile server answers, the exchange ends in a clear exception
 * within its request timeout (retries included), and a response body never takes more than the 1 MiB cap.
 */
class KooPhoneHostileResponsesTest extends WireMockTestSupport {

    private static final long REQUEST_TIMEOUT = 1_000;
    private static final int MAX_RETRIES = 3;
    private static final String SYNC = "koophone:syncCommand";
    private static final String TASK = "koophone:getTask";
    private static final Map<String, Object> SYNC_INPUT = Map.of(KooPhoneConstants.INSTANCE_IDS, "a1", KooPhoneConstants.COMMAND, "ls");
    private static final Map<String, Object> TASK_INPUT = Map.of(KooPhoneConstants.TASK_ID, "t1");
    private static final String HTML = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                                       + "<body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>";

    /** At DEBUG: a read that fails before any answer (a GET has no body) logs its attempt at DEBUG and nothing at TRACE. */
    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture().expectLines(TraceLogCapture.COMPONENT_LOGGERS, Level.DEBUG).forbid(TOKEN);

    @Override
    protected void configure(KooPhoneComponent component) {
        component.getConfiguration().setRequestTimeout(REQUEST_TIMEOUT);
        component.getConfiguration().setMaxRetries(MAX_RETRIES);
    }

    /** The longest an exchange may take: every attempt at its timeout, plus the backoffs, plus a second of slack. */
    private static long boundMillis(int attempts, long requestTimeout) {
        return attempts * (requestTimeout + 50) + 1_000;
    }

    private static String bigExecuteMsg(int bytes) {
        char[] output = new char[bytes];
        Arrays.fill(output, 'x');
        return "{\"error_code\":\"0\",\"data\":{\"cmd_results\":[{\"instance_id\":\"a1\",\"status\":2,\"execute_msg\":\""
               + new String(output) + "\"}]}}";
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                // name, uri, input, response, expected type, message fragment, requests sent
                row("malformed JSON", SYNC, SYNC_INPUT, okJson("{\"error_code\":\"0\",\"data\":{\"cmd_results\":[{]}}"),
                        KooPhoneApiException.class, "malformed JSON response", 1),
                row("JSON truncated mid-object", SYNC, SYNC_INPUT, okJson("{\"error_code\":\"0\",\"data\":{\"cmd_res"),
                        KooPhoneApiException.class, "malformed JSON response", 1),
                row("not an object", SYNC, SYNC_INPUT, okJson("[1,2,3]"), KooPhoneApiException.class, "not a JSON object", 1),
                row("JSON null", SYNC, SYNC_INPUT, okJson("null"), KooPhoneApiException.class, "not a JSON object", 1),
                row("wrong shape", SYNC, SYNC_INPUT, okJson("{\"error_code\":\"0\",\"data\":{\"cmd_results\":\"oops\"}}"),
                        KooPhoneApiException.class, "unexpected response shape", 1),
                row("nesting 100,000 deep", SYNC, SYNC_INPUT,
                        okJson("{\"error_code\":\"0\",\"data\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}"),
                        KooPhoneApiException.class, "malformed JSON response", 1),
                row("HTML page with HTTP 200", SYNC, SYNC_INPUT, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody(HTML), KooPhoneApiException.class, "malformed JSON response", 1),
                row("HTML error page from the gateway (502, retried)", SYNC, SYNC_INPUT, aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html").withBody(HTML),
                        KooPhoneApiException.class, "HTTP 502, error_code=null, error_msg=non-JSON error body: <!DOCTYPE html>", 4),
                row("HTML error page with HTTP 500 on a read (retried)", TASK, TASK_INPUT, aResponse().withStatus(500)
                        .withBody(HTML), KooPhoneApiException.class, "HTTP 500", 4),
                row("200 with no body", SYNC, SYNC_INPUT, aResponse().withStatus(200), KooPhoneApiException.class,
                        "empty response body", 1),
                row("401 with no body", SYNC, SYNC_INPUT, aResponse().withStatus(401), KooPhoneApiException.class,
                        "HTTP 401, error_code=null, error_msg=no response body", 1),
                row("body cut off by a malformed chunk", SYNC, SYNC_INPUT, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                        IOException.class, "", 1),
                // the classic client skips lines that are no status line, then finds the connection closed
                row("garbage instead of HTTP (pins the HTTP library's exception)", SYNC, SYNC_INPUT,
                        aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                        org.apache.hc.core5.http.NoHttpResponseException.class, "failed to respond", 1),
                row("2 MB execute_msg", SYNC, SYNC_INPUT, okJson(bigExecuteMsg(2 * 1024 * 1024)),
                        ResponseTooLargeException.class, "response body exceeds 1048576 bytes", 1),
                row("slow-loris body, state-changing call", SYNC + "?requestTimeout=300", SYNC_INPUT,
                        okJson(bigExecuteMsg(10_000)).withChunkedDribbleDelay(50, 2_000),
                        SocketTimeoutException.class, "timed out after 300 ms (requestTimeout)", 1),
                row("slow-loris body, read (retried)", TASK + "?requestTimeout=300", TASK_INPUT,
                        okJson("{\"error_code\":\"0\",\"data\":{\"jobs\":[]}}" + " ".repeat(10_000)).withChunkedDribbleDelay(50, 2_000),
                        SocketTimeoutException.class, "timed out after 300 ms (requestTimeout)", 4));
    }

    private static Arguments row(String name, String uri, Map<String, Object> input, ResponseDefinitionBuilder response,
                                 Class<? extends Throwable> expected, String message, int requests) {
        return Arguments.of(name, uri, input, response, expected, message, requests);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void endsInAClearExceptionWithinTheTimeout(String name, String uri, Map<String, Object> input, ResponseDefinitionBuilder response,
                                               Class<? extends Throwable> expected, String message, int requests) {
        wm.stubFor(any(urlPathMatching("/v1/instances/.*")).willReturn(response));

        long start = System.nanoTime();
        Exchange out = call(uri, null, input);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(out.getException()).as(pinned(name, expected)).isInstanceOf(expected).hasMessageContaining(message);
        assertThat(millis).as("%s took (ms)", name).isLessThan(boundMillis(requests, REQUEST_TIMEOUT));
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("%s: requests", name).hasSize(requests);
        logs.scan(out);
    }

    @Test
    void aBodyFarOverTheCapFailsWithTheLimitNotTheTimeout() {
        byte[] huge = new byte[32 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        wm.stubFor(post("/v1/instances/sync-command").willReturn(aResponse().withStatus(200).withBody(huge)));

        // a timeout long enough that only the cap can end the exchange (WireMock takes a while to serve 32 MiB)
        Exchange out = call(SYNC + "?requestTimeout=20000", null, SYNC_INPUT);

        assertThat(out.getException()).isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("response body exceeds").hasMessageContaining("1048576");
    }

    @Test
    void aReadWhoseBodyIsOverTheCapIsNotRetried() {
        wm.stubFor(any(urlPathMatching("/v1/instances/tasks/.*")).willReturn(okJson(bigExecuteMsg(2 * 1024 * 1024))));

        Exchange out = call(TASK, null, TASK_INPUT);

        assertThat(out.getException()).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("response body exceeds");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("the same answer again would only cost another MiB").hasSize(1);
    }

    static Stream<Arguments> endless() {
        return Stream.of(
                Arguments.of("a header line that never ends", SYNC, SYNC_INPUT, new String[] { "HTTP/1.1 200 OK\r\nX-Junk: ", "a" }),
                Arguments.of("a header line that never ends, on a read", TASK, TASK_INPUT,
                        new String[] { "HTTP/1.1 200 OK\r\nX-Junk: ", "a" }),
                Arguments.of("headers that never end", SYNC, SYNC_INPUT,
                        new String[] { "HTTP/1.1 200 OK\r\n", "X-Junk: 0123456789abcdef0123456789abcdef\r\n" }),
                Arguments.of("a status line that never ends", TASK, TASK_INPUT, new String[] { "HTTP/1.1 200 ", "O" }));
    }

    /**
     * Header limits (a line, their number) bound memory as the body cap does; breaking them is not retried. The limits
     * are ours, the exception that reports them is the HTTP library's.
     */
    @ParameterizedTest(name = "{0} (pins the HTTP library's exception)")
    @MethodSource("endless")
    void responseHeadersAreBoundedToo(String name, String uri, Map<String, Object> input, String[] prefixAndFiller) throws Exception {
        try (EndlessServer server = new EndlessServer(prefixAndFiller[0], prefixAndFiller[1])) {
            Exchange out = call(uri + "?endpoint=http://127.0.0.1:" + server.port(), null, input);

            // the limit's exception, not the request timeout's: the limit ended the read
            assertThat(out.getException()).as(pinned(name, org.apache.hc.core5.http.MessageConstraintException.class))
                    .isInstanceOf(org.apache.hc.core5.http.MessageConstraintException.class);
            assertThat(server.sent()).as("bytes the client let the server push").isLessThan(16L * 1024 * 1024);
            assertThat(server.connections()).as("connections: not retried").isEqualTo(1);
        }
    }

    /** The assertion's description; where the expected exception is the HTTP library's own, it says so. */
    private static String pinned(String name, Class<? extends Throwable> expected) {
        if (!expected.getName().startsWith("org.apache.hc.")) {
            return name;
        }
        return name + ": " + Libraries.pins(Libraries.HTTPCLIENT5, "with " + Libraries.named(Libraries.HTTPCORE5) + ", it reports this with "
                                                               + expected.getSimpleName());
    }

    /** Answers every connection with a prefix, then the filler, over and over, as fast as the client takes it. */
    private static final class EndlessServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong connections = new AtomicLong();

        EndlessServer(String prefix, String filler) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            byte[] start = prefix.getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = filler.repeat(Math.max(1, 8192 / filler.length())).getBytes(StandardCharsets.US_ASCII);
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept(); InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                        connections.incrementAndGet();
                        in.read(new byte[8192]); // the request; its content does not matter
                        out.write(start);
                        while (true) {
                            out.write(chunk);
                            sent.addAndGet(chunk.length);
                        }
                    } catch (IOException closed) {
                        // the client gave up, or the server is closing
                    }
                }
            }, "endless-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        long sent() {
            return sent.get();
        }

        long connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
