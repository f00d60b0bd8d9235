package io.github.camelkoophone.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.koophone.v1.model.ExecuteJobResponse;
import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.JobStatus;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@code remote} suite's ways of calling the API over TLS: each makes one asyncCommand per call and follows the
 * task it returns until its jobs end. The component does it with {@code koophone:asyncCommand} and a
 * {@code koophone:tasks} consumer on the same component (IAM password login); by hand, Apache's minimal classic
 * client logs in to IAM itself, refreshes the token a tenth of its lifetime before it expires or after a 401, and
 * follows tasks with GetTask every consumer delay; Huawei's SDK signs with AK/SK (it has no password login) and
 * follows the same way with its {@code executeJob}.
 */
final class RemoteClients {

    static final String COMMAND = "pm list packages";
    /** The consumer's default delay, which the by-hand followers poll at. */
    static final long POLL_INTERVAL_MILLIS = 2000;

    private RemoteClients() {
    }

    /** One way of calling: a call, and the jobs it has seen end of the tasks its calls started. */
    abstract static class Client implements AutoCloseable {
        final String id;
        final String label;
        final AtomicLong tasks = new AtomicLong();
        final AtomicLong jobsEnded = new AtomicLong();

        Client(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** One asyncCommand on these two instances; the task is followed from then on. */
        abstract void call(List<String> instanceIds) throws Exception;

        /** Tasks started but not yet seen to end. */
        abstract long following();

        @Override
        public void close() throws Exception {
        }
    }

    /** Trust in the gateway's self-signed certificate, from the suite's trust store. */
    record Trust(SSLContext context, X509TrustManager manager, SSLContextParameters parameters) {
        static Trust of(java.nio.file.Path trustStore, String password) throws Exception {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (var in = java.nio.file.Files.newInputStream(trustStore)) {
                store.load(in, password.toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {manager}, null);
            var keyStore = new org.apache.camel.support.jsse.KeyStoreParameters();
            keyStore.setResource("file:" + trustStore);
            keyStore.setType("PKCS12");
            keyStore.setPassword(password);
            var trustManagers = new org.apache.camel.support.jsse.TrustManagersParameters();
            trustManagers.setKeyStore(keyStore);
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setTrustManagers(trustManagers);
            return new Trust(context, manager, parameters);
        }
    }

    // ------------------------------------------------------------------ the component

    /** {@code koophone:asyncCommand} through a ProducerTemplate, and a {@code koophone:tasks} route counting job events. */
    static final class Component extends Client {
        private final CamelContext context;
        private final ProducerTemplate template;

        Component(String url, Trust trust, int maxConnections, int pollConcurrency) throws Exception {
            super("component", "component: ProducerTemplate → koophone:asyncCommand, a koophone:tasks route following "
                               + "its tasks; IAM password login; TLS trusted with `sslContextParameters`");
            context = new DefaultCamelContext();
            KooPhoneComponent component = new KooPhoneComponent();
            KooPhoneConfiguration config = component.getConfiguration();
            config.setEndpoint(url);
            config.setIamEndpoint(url);
            config.setUsername(KooPhoneSimulator.DEFAULT_USER);
            config.setPassword(KooPhoneSimulator.DEFAULT_PASSWORD);
            config.setDomainName(KooPhoneSimulator.DEFAULT_DOMAIN);
            config.setProjectName(KooPhoneSimulator.DEFAULT_PROJECT_NAME);
            config.setSslContextParameters(trust.parameters());
            config.setMaxConnections(maxConnections);
            config.setPollConcurrency(pollConcurrency);
            context.addComponent("koophone", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("koophone:tasks").routeId("follow").process(exchange -> jobsEnded.incrementAndGet());
                }
            });
            context.start();
            template = context.createProducerTemplate();
        }

        @Override
        void call(List<String> instanceIds) {
            TaskResult result = template.requestBodyAndHeaders("koophone:asyncCommand", null,
                    Map.of(KooPhoneConstants.COMMAND, COMMAND, KooPhoneConstants.INSTANCE_IDS, instanceIds), TaskResult.class);
            if (result == null || result.getTaskId() == null) {
                throw new IllegalStateException("asyncCommand answered no task id: " + result);
            }
            tasks.incrementAndGet();
        }

        @Override
        long following() {
            return 2 * tasks.get() - jobsEnded.get();
        }

        @Override
        public void close() throws Exception {
            template.close();
            context.close();
        }
    }

    // ------------------------------------------------------------------ following by hand

    /**
     * Follows tasks by hand: each is asked about every {@link #POLL_INTERVAL_MILLIS} on a pool of threads until
     * every job of it has ended. {@code query} answers a task's job statuses.
     */
    static final class Follower implements AutoCloseable {
        private final DelayQueue<Due> queue = new DelayQueue<>();
        private final Function<String, List<Integer>> query;
        private final AtomicLong jobsEnded;
        private final AtomicLong failures = new AtomicLong();
        private final AtomicInteger busy = new AtomicInteger();
        private final Thread[] threads;
        private volatile boolean stop;

        private record Due(String taskId, long atNanos) implements Delayed {
            @Override
            public long getDelay(TimeUnit unit) {
                return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            }

            @Override
            public int compareTo(Delayed other) {
                return Long.compare(atNanos, ((Due) other).atNanos);
            }
        }

        Follower(String name, int threadCount, Function<String, List<Integer>> query, AtomicLong jobsEnded) {
            this.query = query;
            this.jobsEnded = jobsEnded;
            this.threads = new Thread[threadCount];
            for (int i = 0; i < threadCount; i++) {
                threads[i] = new Thread(this::loop, name + "-follower-" + i);
                threads[i].setDaemon(true);
                threads[i].start();
            }
        }

        void follow(String taskId) {
            queue.add(new Due(taskId, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_INTERVAL_MILLIS)));
        }

        long pending() {
            return queue.size() + busy.get();
        }

        private void loop() {
            while (!stop) {
                Due due;
                try {
                    due = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                busy.incrementAndGet();
                try {
                    List<Integer> statuses = query.apply(due.taskId());
                    if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s != null && s != JobStatus.RUNNING)) {
                        jobsEnded.addAndGet(statuses.size());
                    } else {
                        follow(due.taskId());
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    follow(due.taskId());
                } finally {
                    busy.decrementAndGet();
                }
            }
        }

        @Override
        public void close() {
            stop = true;
            for (Thread thread : threads) {
                thread.interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ by hand, Apache's minimal client

    /** Apache HttpClient 5 classic, minimal client, TLS with the same trust; IAM login and GetTask following by hand. */
    static final class ByHandMinimal extends Client {
        private static final ContentType JSON = ContentType.create("application/json");

        private final CloseableHttpClient client;
        private final String url;
        private final byte[] loginBody;
        private final Follower follower;
        private volatile Token token;

        private record Token(String value, Instant refreshAt) {
        }

        ByHandMinimal(String url, Trust trust, int maxConnections, int followers) throws IOException {
            super("apache-minimal", "by hand: Apache HttpClient 5 classic, minimal client, same trust store; IAM login, "
                                    + "refresh and GetTask every 2 s by hand");
            this.url = url;
            this.client = HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(maxConnections)
                    .setMaxConnPerRoute(maxConnections)
                    .setTlsSocketStrategy(new DefaultClientTlsStrategy(trust.context()))
                    .build());
            ObjectNode auth = ByHand.MAPPER.createObjectNode();
            ObjectNode identity = auth.putObject("auth").putObject("identity");
            identity.putArray("methods").add("password");
            identity.putObject("password").putObject("user").put("name", KooPhoneSimulator.DEFAULT_USER)
                    .put("password", KooPhoneSimulator.DEFAULT_PASSWORD).putObject("domain")
                    .put("name", KooPhoneSimulator.DEFAULT_DOMAIN);
            ((ObjectNode) auth.get("auth")).putObject("scope").putObject("project").put("name", KooPhoneSimulator.DEFAULT_PROJECT_NAME);
            this.loginBody = ByHand.MAPPER.writeValueAsBytes(auth);
            this.follower = new Follower(id, followers, this::jobStatuses, jobsEnded);
        }

        @Override
        void call(List<String> instanceIds) throws Exception {
            byte[] body = ByHand.commandBody(COMMAND, instanceIds);
            TaskResult result = send(() -> {
                HttpPost post = new HttpPost(url + StubServer.ASYNC_COMMAND_PATH);
                post.setEntity(new ByteArrayEntity(body, JSON));
                return post;
            }, ByHand.ASYNC_COMMAND);
            if (result == null || result.getTaskId() == null) {
                throw new IllegalStateException("asyncCommand answered no task id");
            }
            tasks.incrementAndGet();
            follower.follow(result.getTaskId());
        }

        private List<Integer> jobStatuses(String taskId) {
            try {
                GetTaskResult result = send(() -> new HttpGet(url + ByHand.getTaskPath(taskId)), ByHand.GET_TASK);
                return result.getJobs().stream().map(GetTaskResult.Job::getStatus).toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sends with the current token; after a 401, logs in again (unless another caller already did) and resends once. */
        private <T> T send(java.util.function.Supplier<HttpUriRequestBase> request, com.fasterxml.jackson.databind.JavaType type)
                throws Exception {
            Token used = token();
            Answer answer = execute(request.get(), used, type);
            if (answer.refused()) {
                answer = execute(request.get(), login(used), type);
            }
            @SuppressWarnings("unchecked")
            T data = (T) answer.data();
            return data;
        }

        /** The data of an answer, or that the gateway refused the token (HTTP 401). */
        private record Answer(boolean refused, Object data) {
        }

        private Answer execute(HttpUriRequestBase request, Token token, com.fasterxml.jackson.databind.JavaType type)
                throws IOException {
            request.setHeader("X-Auth-Token", token.value());
            request.setHeader("x-request-id", ByHand.requestId());
            return client.execute(request, response -> response.getCode() == 401
                    ? new Answer(true, null)
                    : new Answer(false, ByHand.read(response.getCode(), response.getEntity().getContent(), type)));
        }

        private Token token() throws IOException {
            Token current = token;
            return current != null && Instant.now().isBefore(current.refreshAt()) ? current : login(current);
        }

        /** Logs in unless the token has changed since {@code stale} was read and is fresh; one login at a time. */
        private synchronized Token login(Token stale) throws IOException {
            Token current = token;
            if (current != null && current != stale && Instant.now().isBefore(current.refreshAt())) {
                return current;
            }
            HttpPost post = new HttpPost(url + "/v3/auth/tokens");
            post.setEntity(new ByteArrayEntity(loginBody, JSON));
            Instant sent = Instant.now();
            Token fresh = client.execute(post, response -> {
                if (response.getCode() != 201 || response.getFirstHeader("X-Subject-Token") == null) {
                    throw new IOException("IAM login answered HTTP " + response.getCode());
                }
                Instant expires = Instant.parse(ByHand.MAPPER.readTree(EntityUtils.toByteArray(response.getEntity()))
                        .path("token").path("expires_at").asText());
                Duration margin = Duration.between(sent, expires).dividedBy(10);
                return new Token(response.getFirstHeader("X-Subject-Token").getValue(), expires.minus(margin));
            });
            token = fresh;
            return fresh;
        }

        @Override
        long following() {
            return follower.pending();
        }

        @Override
        public void close() {
            follower.close();
            client.close(CloseMode.GRACEFUL);
        }
    }

    // ------------------------------------------------------------------ Huawei's SDK

    /** Huawei's SDK (as shipped or tuned) with AK/SK, over TLS with the same trust, following with executeJob. */
    static final class Sdk extends Client {
        private final HuaweiSdkTarget sdk;
        private final Follower follower;

        Sdk(String id, String url, Trust trust, int maxConnections, int followers, boolean tuned) {
            super(id, "Huawei SDK KooPhoneClient 3.1.143, AK/SK, " + (tuned ? "tuned (`withHttpListeners(null)`)" : "as shipped")
                      + ", same trust store; executeJob every 2 s by hand");
            HttpConfig config = HuaweiSdkTarget.config(maxConnections, tuned)
                    .withSSLSocketFactory(trust.context().getSocketFactory())
                    .withX509TrustManager(trust.manager());
            this.sdk = new HuaweiSdkTarget(id, label, url, config, KooPhoneSimulator.DEFAULT_ACCESS_KEY,
                    KooPhoneSimulator.DEFAULT_SECRET_KEY, KooPhoneSimulator.DEFAULT_PROJECT_ID);
            this.follower = new Follower(id, followers, taskId -> ((ExecuteJobResponse) sdk.getTask(taskId)).getData()
                    .getJobs().stream().map(job -> job.getStatus() == null ? null : job.getStatus().getValue()).toList(), jobsEnded);
        }

        @Override
        void call(List<String> instanceIds) {
            var response = (com.huaweicloud.sdk.koophone.v1.model.AsyncInvokeInstanceResponse) sdk.asyncCommand(COMMAND, instanceIds);
            if (response.getData() == null || response.getData().getTaskId() == null) {
                throw new IllegalStateException("asyncInvokeInstance answered no task id");
            }
            tasks.incrementAndGet();
            follower.follow(response.getData().getTaskId());
        }

        @Override
        long following() {
            return follower.pending();
        }

        @Override
        public void close() throws Exception {
            follower.close();
            sdk.close();
        }
    }
}
