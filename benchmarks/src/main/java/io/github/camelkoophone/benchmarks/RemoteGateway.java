package io.github.camelkoophone.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The far side of the {@code remote} suite, run in a child process so the benchmark's process CPU is the clients'
 * alone: the simulator (KooPhone and IAM, plain HTTP on loopback) behind a gateway that serves TLS with a
 * self-signed certificate, holds every request for a seeded draw of 50-200 ms, and rewrites the API's answers the
 * way a real gateway may send them: a share as chunked bodies, a share of the envelopes with extra top-level fields
 * (one before and one after the API's own), so the clients' paths for those shapes run as well as their fast paths.
 * Requests are forwarded with their Host header, so the simulator checks AK/SK signatures as the client computed them.
 * <p>
 * An admin server (plain HTTP, no latency) answers {@code GET /counters}, {@code GET /instances}, and
 * {@code POST /revoke} (every IAM token refused from now on), {@code /complete} (every running job finished),
 * {@code /reset} (the simulator back to its start) and {@code /latency?min,max} (in ms, from the next request). The process prints {@code READY <gateway port> <admin port>} and
 * exits when its standard input closes.
 * <p>
 * Arguments: keystore (PKCS12), its password, seed, instances, token lifetime in seconds, latency min and max in ms,
 * chunked share and extended-envelope share (0..1).
 */
final class RemoteGateway {

    /** Hop-by-hop headers, and those the forwarding client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "content-length",
            "transfer-encoding", "te", "upgrade", "proxy-connection");

    private final KooPhoneSimulator sim;
    private final CloseableHttpClient forward;
    private final String simUrl;
    private final Random random;
    private volatile long latencyMin;
    private volatile long latencyMax;
    private final double chunkedShare;
    private final double extendedShare;
    private final AtomicLong sequence = new AtomicLong(0x5eed0000L);
    private final Map<String, AtomicLong> counters = new java.util.concurrent.ConcurrentHashMap<>();

    private RemoteGateway(KooPhoneSimulator sim, long seed, long latencyMin, long latencyMax, double chunkedShare,
                          double extendedShare) {
        this.sim = sim;
        this.simUrl = sim.url();
        this.random = new Random(seed);
        this.latencyMin = latencyMin;
        this.latencyMax = latencyMax;
        this.chunkedShare = chunkedShare;
        this.extendedShare = extendedShare;
        this.forward = HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(1024).setMaxConnPerRoute(1024).build());
    }

    public static void main(String[] args) throws Exception {
        Path keystore = Path.of(args[0]);
        char[] password = args[1].toCharArray();
        long seed = Long.parseLong(args[2]);
        int instances = Integer.parseInt(args[3]);
        long tokenLifetime = Long.parseLong(args[4]);
        long latencyMin = Long.parseLong(args[5]);
        long latencyMax = Long.parseLong(args[6]);
        double chunked = Double.parseDouble(args[7]);
        double extended = Double.parseDouble(args[8]);

        KooPhoneSimulator sim = KooPhoneSimulator.builder().seed(seed).instances(instances)
                .tokenLifetime(Duration.ofSeconds(tokenLifetime))
                .taskDuration(Duration.ofMillis(500)).taskDurationMax(Duration.ofMillis(1500))
                .journalCapacity(1000)
                .start();
        RemoteGateway gateway = new RemoteGateway(sim, seed, latencyMin, latencyMax, chunked, extended);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);

        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpsServer https = HttpsServer.create(loopback, 1024);
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters parameters) {
                gateway.count("tls-connections");
                super.configure(parameters);
            }
        });
        // a thread per request in flight: each sleeps its latency
        ExecutorService handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gateway");
            t.setDaemon(true);
            return t;
        });
        https.setExecutor(handlers);
        https.createContext("/", gateway::handle);
        https.start();

        HttpServer admin = HttpServer.create(loopback, 16);
        admin.createContext("/", gateway::admin);
        admin.start();

        System.out.println("READY " + https.getAddress().getPort() + " " + admin.getAddress().getPort());
        System.out.flush();
        // the benchmark holds our standard input: when it exits, so do we
        while (System.in.read() >= 0) {
            // nothing is sent on it
        }
        https.stop(0);
        admin.stop(0);
        sim.close();
        System.exit(0);
    }

    private void count(String name) {
        counters.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String target = exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() != null ? "?" + exchange.getRequestURI().getRawQuery() : "");
            count("requests");
            count(operation(method, exchange.getRequestURI().getRawPath()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            long delay;
            boolean chunked;
            boolean extended;
            synchronized (random) {
                delay = latencyMin + (long) (random.nextDouble() * (latencyMax - latencyMin + 1));
                chunked = random.nextDouble() < chunkedShare;
                extended = random.nextDouble() < extendedShare;
            }
            if (delay > 0) {
                TimeUnit.MILLISECONDS.sleep(delay);
            }

            HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(simUrl + target));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    for (String value : header.getValue()) {
                        request.addHeader(header.getKey(), value);
                    }
                }
            }
            if (body.length > 0) {
                request.setEntity(new ByteArrayEntity(body, null));
            }
            forward.execute(request, response -> {
                answer(exchange, response, chunked, extended && exchange.getRequestURI().getRawPath().startsWith("/v1/"));
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            count("gateway-errors");
            System.err.println("gateway: " + e);
        }
    }

    private void answer(HttpExchange exchange, ClassicHttpResponse response, boolean chunked, boolean extended) throws IOException {
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        int status = response.getCode();
        count("status-" + status);
        if (extended && status == 200 && body.length > 0) {
            JsonNode tree = ByHand.MAPPER.readTree(body);
            if (tree instanceof ObjectNode envelope) {
                ObjectNode wider = ByHand.MAPPER.createObjectNode();
                wider.put("request_id", Long.toHexString(sequence.incrementAndGet()));
                wider.setAll(envelope);
                wider.putObject("gateway_info").put("region", "cn-north-7").put("trace", "bench");
                body = ByHand.MAPPER.writeValueAsBytes(wider);
                count("extended");
            }
        }
        Headers headers = exchange.getResponseHeaders();
        for (Header header : response.getHeaders()) {
            if (!NOT_FORWARDED.contains(header.getName().toLowerCase(Locale.ROOT)) && !"date".equalsIgnoreCase(header.getName())) {
                headers.add(header.getName(), header.getValue());
            }
        }
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        if (chunked) {
            count("chunked");
            exchange.sendResponseHeaders(status, 0);
            OutputStream out = exchange.getResponseBody();
            int half = body.length / 2;
            out.write(body, 0, half);
            out.flush();
            out.write(body, half, body.length - half);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String operation(String method, String path) {
        if (path.equals("/v3/auth/tokens")) {
            return "iam-logins";
        }
        if (path.equals(StubServer.ASYNC_COMMAND_PATH)) {
            return "async-commands";
        }
        if ("GET".equals(method) && path.startsWith(StubServer.GET_TASK_PATH)) {
            return "get-tasks";
        }
        return "other-requests";
    }

    private void admin(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            StringBuilder text = new StringBuilder();
            switch (path) {
                case "/counters" -> counters.forEach((name, value) -> text.append(name).append('=').append(value.get()).append('\n'));
                case "/instances" -> text.append(String.join(",", sim.inventory().ids()));
                case "/revoke" -> text.append(sim.revokeTokens());
                case "/complete" -> sim.tasks().completeAll();
                case "/reset" -> sim.reset();
                case "/latency" -> {
                    String[] range = exchange.getRequestURI().getQuery().split(",");
                    latencyMin = Long.parseLong(range[0]);
                    latencyMax = Long.parseLong(range[1]);
                }
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
