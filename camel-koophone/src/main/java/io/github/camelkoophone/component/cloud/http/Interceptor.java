package io.github.camelkoophone.component.koophone.transport;

import java.util.concurrent.CompletableFuture;

/**
 * A cross-cutting concern around the one call path (retries, authentication, logging), in the manner of OkHttp's
 * interceptors but non-blocking: each returns a future and never parks a thread.
 */
@FunctionalInterface
public interface Interceptor {

    CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain);

    /** The rest of the pipeline after an interceptor. */
    @FunctionalInterface
    interface Chain {
        CompletableFuture<ApiResponse> proceed(ApiRequest request);
    }
}
