package io.github.camelkoophone.component.cloud.http;

import java.io.IOException;

/**
 * A response broke the size limit. Asking again would get the same answer, so it is never retried.
 */
public class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(String message) {
        super(message);
    }
}
