package io.github.camelkoophone.component.cloud.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The transport's connections: HttpCore's plain HTTP/1.1 client connection, which never hands what it sends or
 * receives to HttpClient's {@code org.apache.hc.client5.http.wire} and {@code .headers} loggers. The library's own
 * connections print every header and body byte there at DEBUG (an IAM password, X-Auth-Token, X-Security-Token,
 * Authorization), so a user who turned logging up to investigate a problem would copy secrets into a ticket. The
 * component's own exchange log (DEBUG per attempt, TRACE bodies with secrets masked) shows the traffic instead.
 */
final class QuietConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final Http1Config http1;
    private final DefaultHttpRequestWriterFactory writers;
    private final DefaultHttpResponseParserFactory parsers;

    /** @param http1 the limits responses are parsed with (header line length and count) */
    QuietConnections(Http1Config http1) {
        this.http1 = http1;
        this.writers = new DefaultHttpRequestWriterFactory(http1);
        this.parsers = new DefaultHttpResponseParserFactory(http1);
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection(http1, writers, parsers);
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** What the pool needs beyond a client connection: the socket, and idle (passive) mode without a read timeout. */
    private static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Timeout activeTimeout;

        QuietConnection(Http1Config http1, DefaultHttpRequestWriterFactory writers, DefaultHttpResponseParserFactory parsers) {
            super(http1, null, null, null, null, null, writers, parsers);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            refuseIfClosed(socket);
            super.bind(socket);
            activeTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            refuseIfClosed(sslSocket);
            super.bind(sslSocket, socket);
            activeTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
        }

        /** A connection the pool shut down while it was being opened must not come alive. */
        private void refuseIfClosed(Socket socket) throws IOException {
            if (closed.get()) {
                socket.close();
                throw new InterruptedIOException("connection already shut down");
            }
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            activeTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(activeTimeout);
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                super.close();
            }
        }

        @Override
        public void close(CloseMode mode) {
            if (closed.compareAndSet(false, true)) {
                super.close(mode);
            }
        }
    }
}
