package io.github.camelkoophone.component.cloud.http;

import java.io.IOException;
import java.util.List;

/** Interceptors, outermost first, around the terminal that performs the HTTP exchange. */
public final class CallChain implements Interceptor.Chain {

    private final Interceptor[] interceptors;
    private final Interceptor.Chain terminal;

    public CallChain(List<Interceptor> interceptors, Interceptor.Chain terminal) {
        this.interceptors = interceptors.toArray(Interceptor[]::new);
        this.terminal = terminal;
    }

    @Override
    public ApiResponse proceed(ApiRequest request) throws IOException {
        return proceed(0, request);
    }

    private ApiResponse proceed(int index, ApiRequest request) throws IOException {
        if (index == interceptors.length) {
            return terminal.proceed(request);
        }
        return interceptors[index].intercept(request, next -> proceed(index + 1, next));
    }
}
