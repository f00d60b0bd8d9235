package io.github.camelkoophone.component.koophone.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Interceptors, outermost first, around a terminal that performs the HTTP exchange.
 */
public final class CallPipeline {

    private final List<Interceptor> interceptors;
    private final Interceptor.Chain terminal;

    public CallPipeline(List<Interceptor> interceptors, Interceptor.Chain terminal) {
        this.interceptors = List.copyOf(interceptors);
        this.terminal = terminal;
    }

    public CompletableFuture<ApiResponse> execute(ApiRequest request) {
        return proceed(0, request);
    }

    private CompletableFuture<ApiResponse> proceed(int index, ApiRequest request) {
        if (index == interceptors.size()) {
            return terminal.proceed(request);
        }
        try {
            return interceptors.get(index).intercept(request, next -> proceed(index + 1, next));
        } catch (RuntimeException e) {
            // a failure an interceptor waited for (an IAM login) arrives wrapped: fail with what it was
            return CompletableFuture.failedFuture(RetryInterceptor.unwrap(e));
        }
    }
}
