package io.github.camelkoophone.component.cloud.http;

import java.io.IOException;

/**
 * A concern around every HTTP attempt (authentication, logging), in the manner of OkHttp's interceptors: a plain
 * call in the calling thread. Each interceptor calls {@link Chain#proceed} at most once, except to repeat an
 * attempt the gateway refused for its credentials.
 */
@FunctionalInterface
public interface Interceptor {

    ApiResponse intercept(ApiRequest request, Chain chain) throws IOException;

    /** The rest of the chain after an interceptor, down to the transport. */
    @FunctionalInterface
    interface Chain {
        ApiResponse proceed(ApiRequest request) throws IOException;
    }
}
