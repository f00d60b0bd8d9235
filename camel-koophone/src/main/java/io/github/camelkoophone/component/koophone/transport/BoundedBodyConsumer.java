package io.github.camelkoophone.component.koophone.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;

/**
 * Reads a response body into memory up to a limit, so a hostile or broken server cannot exhaust the heap.
 */
final class BoundedBodyConsumer extends AbstractBinResponseConsumer<ApiResponse> {

    private final int maxBytes;
    private int status;
    private Map<String, String> headers;
    private ByteArrayOutputStream body;

    BoundedBodyConsumer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        status = response.getCode();
        headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        body = new ByteArrayOutputStream(1024);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int length = src.remaining();
        if (body.size() + length > maxBytes) {
            throw new ResponseTooLargeException("response body exceeds " + maxBytes + " bytes (the limit on any KooPhone response)");
        }
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), length);
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[length];
            src.get(chunk);
            body.write(chunk);
        }
    }

    @Override
    protected ApiResponse buildResult() {
        return new ApiResponse(status, headers, body.toByteArray());
    }

    @Override
    public void releaseResources() {
        body = null;
    }
}
