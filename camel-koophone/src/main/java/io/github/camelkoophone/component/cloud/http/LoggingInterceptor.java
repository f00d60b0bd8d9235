package io.github.camelkoophone.component.cloud.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG, and bodies at TRACE. Headers are never logged (they carry tokens and signatures);
 * bodies are logged with every token, password, secret and signature value masked, and password-bearing
 * bodies are not logged at all.
 */
public final class LoggingInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingInterceptor.class);
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"[^\"]*(?i:token|password|secret|signature|credential)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    @Override
    public ApiResponse intercept(ApiRequest request, Chain chain) throws IOException {
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        if (LOG.isTraceEnabled() && request.body() != null) {
            LOG.trace("{} {} request body: {}", request.name(), request, bodyForLog(request.body(), request.sensitive()));
        }
        try {
            ApiResponse response = chain.proceed(request);
            LOG.debug("{} {} -> HTTP {} in {} ms", request.name(), request, response.status(), millisSince(start));
            if (LOG.isTraceEnabled()) {
                LOG.trace("{} {} response body: {}", request.name(), request, bodyForLog(response.body(), false));
            }
            return response;
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {} failed after {} ms: {}", request.name(), request, millisSince(start), e.toString());
            throw e;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static String bodyForLog(byte[] body, boolean sensitive) {
        if (sensitive) {
            return "(" + body.length + " bytes, not logged: it carries credentials)";
        }
        return redact(new String(body, StandardCharsets.UTF_8));
    }

    /** Masks the value of every JSON string field whose name mentions a token, password, secret or signature. */
    public static String redact(String json) {
        return SECRET_FIELD.matcher(json).replaceAll("$1\"***\"");
    }
}
