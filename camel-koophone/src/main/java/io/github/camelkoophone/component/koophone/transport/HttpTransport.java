package io.github.camelkoophone.component.koophone.transport;

import java.io.Closeable;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal of every call: one pooled Apache HttpClient 5 async client. Non-blocking: a call holds no thread
 * while it is in flight. Each attempt has a hard deadline, so a slow response cannot hang an exchange.
 */
public final class HttpTransport implements Interceptor.Chain, Closeable {

    /** The API's largest documented responses are far below this; anything bigger is broken or hostile. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    /**
     * Response header limits, so headers are bounded like bodies: one line (an IAM X-Subject-Token runs to several
     * KiB) and the number of lines. Without them a server that never ends a header line, or never ends the header
     * block, is buffered until the request deadline: hundreds of MiB a second on a fast link.
     */
    static final int MAX_HEADER_LINE = 64 * 1024;
    static final int MAX_HEADER_COUNT = 256;
    private static final ContentType JSON = ContentType.create("application/json");
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService scheduler;

    /**
     * @param sslContext the TLS context built from the settings' parameters, or null for the JVM's default
     */
    public HttpTransport(TransportSettings settings, SSLContext sslContext, ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        this.client = build(settings, sslContext);
        this.client.start();
    }

    private static CloseableHttpAsyncClient build(TransportSettings settings, SSLContext sslContext) {
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout()))
                        .build())
                // the API speaks HTTP/1.1; negotiating h2 only adds a failure mode
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                .setTlsStrategy(tlsStrategy(settings, sslContext))
                .build();
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                // retries belong to RetryInterceptor, which knows which operations are idempotent
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableConnectionState()
                .setHttp1Config(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADER_COUNT).build());
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort() == null ? 80 : settings.proxyPort()));
        }
        return builder.build();
    }

    private static org.apache.hc.core5.http.nio.ssl.TlsStrategy tlsStrategy(TransportSettings settings, SSLContext sslContext) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
        if (settings.ignoreSslVerification()) {
            LOG.warn("TLS certificate and host name verification is disabled (ignoreSslVerification=true): use it for tests only");
            try {
                tls.setSslContext(SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build())
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a trust-all TLS context", e);
            }
        } else {
            SSLContext context = sslContext != null ? sslContext : SSLContexts.createSystemDefault();
            tls.setSslContext(context);
        }
        return tls.buildAsync();
    }

    @Override
    public CompletableFuture<ApiResponse> proceed(ApiRequest request) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method())
                .setUri(request.url())
                .setRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(request.timeout()))
                        .build());
        // the Host header is signed, so send exactly the authority that was signed
        builder.setHeader("Host", request.authority());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.setHeader(header.getKey(), header.getValue());
        }
        if (request.body() != null) {
            builder.setBody(request.body(), JSON);
        }
        SimpleHttpRequest httpRequest = builder.build();

        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        Future<ApiResponse> exchange = client.execute(SimpleRequestProducer.create(httpRequest),
                new BoundedBodyConsumer(MAX_RESPONSE_BYTES), new FutureCallback<>() {
                    @Override
                    public void completed(ApiResponse response) {
                        result.complete(response);
                    }

                    @Override
                    public void failed(Exception e) {
                        result.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new CancellationException(request + " cancelled"));
                    }
                });
        ScheduledFuture<?> deadline = scheduler.schedule(() -> {
            if (result.completeExceptionally(new SocketTimeoutException(
                    request + " timed out after " + request.timeout() + " ms (requestTimeout)"))) {
                exchange.cancel(true);
            }
        }, request.timeout(), TimeUnit.MILLISECONDS);
        result.whenComplete((response, failure) -> deadline.cancel(false));
        return result;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
