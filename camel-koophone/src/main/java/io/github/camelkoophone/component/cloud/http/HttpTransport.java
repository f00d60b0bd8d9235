package io.github.camelkoophone.component.cloud.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal of every call: one pooled Apache HttpClient 5 classic client, executing in the calling thread (the
 * minimal client, without the execution chain, unless a proxy is set). Measured against the async client on this
 * workload, it costs less CPU and no thread hand-over per call (docs/design.md); what must run side by side
 * (fan-out, delayed retries, consumer polls) runs on the component's worker pool. Each attempt has a hard deadline,
 * and responses are capped, so a slow or hostile server can neither hang an exchange nor exhaust memory.
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

    private final CloseableHttpClient client;
    private final Deadlines deadlines;
    /** One per distinct requestTimeout, which endpoints share. */
    private final Map<Long, RequestConfig> configs = new ConcurrentHashMap<>();

    /**
     * @param sslContext the TLS context built from the settings' parameters, or null for the JVM's default
     * @param scheduler  runs the deadline sweep
     */
    public HttpTransport(TransportSettings settings, SSLContext sslContext, ScheduledExecutorService scheduler) {
        this.client = build(settings, sslContext);
        this.deadlines = new Deadlines(scheduler);
    }

    private static CloseableHttpClient build(TransportSettings settings, SSLContext sslContext) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout()))
                        .build())
                .setTlsSocketStrategy(tlsStrategy(settings, sslContext))
                .setConnectionFactory(new QuietConnections(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE)
                        .setMaxHeaderCount(MAX_HEADER_COUNT).build()))
                .build();
        if (settings.proxyHost() == null) {
            // The full client's execution chain only adds what this API does not use (HTTP authentication schemes,
            // redirects, cookies, compression) or what the interceptors do (retries): with every one of them off it
            // still cost about 10% of a call's CPU and 3 KB of garbage (docs/performance.md, apache-minimal). Idle
            // connections are checked before reuse by the pool either way (validateAfterInactivity).
            return HttpClients.createMinimal(connections);
        }
        // proxies need the full chain: a plain-HTTP target through a proxy takes the absolute request form
        return HttpClients.custom()
                .setConnectionManager(connections)
                // retries belong to RetryInterceptor, which knows which operations are idempotent
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableConnectionState()
                .disableContentCompression()
                .setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort() == null ? 80 : settings.proxyPort()))
                .build();
    }

    private static TlsSocketStrategy tlsStrategy(TransportSettings settings, SSLContext sslContext) {
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
            tls.setSslContext(sslContext != null ? sslContext : SSLContexts.createSystemDefault());
        }
        return tls.buildClassic();
    }

    @Override
    public ApiResponse proceed(ApiRequest request) throws IOException {
        URI base = request.baseUri();
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), base);
        http.setPath(base.getRawPath() == null ? request.target() : base.getRawPath() + request.target());
        http.setConfig(configs.computeIfAbsent(request.timeout(),
                timeout -> RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(timeout)).build()));
        // the Host header is signed, so send exactly the authority that was signed
        http.addHeader("Host", request.authority());
        // the names are a map's keys, so adding cannot repeat one
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            http.addHeader(header.getKey(), header.getValue());
        }
        if (request.body() != null) {
            http.setEntity(new ByteArrayEntity(request.body(), JSON));
        }
        Deadlines.Deadline deadline = deadlines.arm(http, request.timeout());
        try {
            return client.execute(http, HttpTransport::read);
        } catch (IOException | RuntimeException e) {
            if (deadline.expired() || e instanceof SocketTimeoutException) {
                SocketTimeoutException timeout = new SocketTimeoutException(
                        request + " timed out after " + request.timeout() + " ms (requestTimeout)");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            deadlines.disarm(deadline);
        }
    }

    private static ApiResponse read(ClassicHttpResponse response) throws IOException {
        Header[] headers = response.getHeaders();
        String[] namesAndValues = new String[headers.length * 2];
        for (int i = 0; i < headers.length; i++) {
            namesAndValues[2 * i] = headers[i].getName();
            namesAndValues[2 * i + 1] = headers[i].getValue();
        }
        return ApiResponse.received(response.getCode(), namesAndValues, body(response.getEntity()));
    }

    private static byte[] body(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long length = entity.getContentLength();
        if (length > MAX_RESPONSE_BYTES) {
            throw new ResponseTooLargeException("response body of " + length + " bytes exceeds "
                                                + MAX_RESPONSE_BYTES + " bytes (the limit on any KooPhone response)");
        }
        try (InputStream in = entity.getContent()) {
            if (length >= 0) {
                // the usual case: read into an array of exactly the announced size, no buffer and no copy (a body
                // that ends early fails in the client's own stream, with ConnectionClosedException)
                return in.readNBytes((int) length);
            }
            // chunked: readNBytes grows in steps up to the limit, and one byte more tells a body over it
            byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new ResponseTooLargeException("response body exceeds " + MAX_RESPONSE_BYTES
                                                    + " bytes (the limit on any KooPhone response)");
            }
            return body;
        }
    }

    @Override
    public void close() {
        deadlines.close();
        client.close(CloseMode.GRACEFUL);
    }
}
