package io.github.camelkoophone.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The KooPhone API as a loopback stub: a single-threaded NIO HTTP/1.1 server with keep-alive that answers
 * {@code GET /v1/instances/tasks/{id}} and {@code POST /v1/instances/async-command} with fixed, realistic JSON
 * envelopes (and 404 otherwise). It parses only what it must (request line, Content-Length), allocates nothing per
 * request, and runs on one thread whose CPU time {@link #cpuNanos()} reports, so the benchmark can take it out of
 * the clients' CPU per call. It checks every request's credentials ({@link StubAuth}) and answers 401 to any it
 * refuses, counting them, so a variant that skipped its token or signature cannot win: the suites stop on the first
 * refusal.
 * <p>
 * For the fan-out suite it can also answer {@code POST /v1/instances/batch-reset}, with one job per instance id of
 * the request ({@code jobsPerId}), and hold every response for a fixed latency. A held response is not slept on: it
 * waits in a queue of due times that the same selector loop serves (the selector's timeout is the next due time),
 * so a delayed response never holds up reading or answering other connections.
 */
final class StubServer implements AutoCloseable {

    static final String THREAD_NAME = "koophone-stub";
    static final String GET_TASK_PATH = "/v1/instances/tasks/";
    static final String ASYNC_COMMAND_PATH = "/v1/instances/async-command";
    static final String BATCH_RESET_PATH = "/v1/instances/batch-reset";

    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POST = "POST ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET_TASK = GET_TASK_PATH.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASYNC_COMMAND = (ASYNC_COMMAND_PATH + " ").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH_RESET = (BATCH_RESET_PATH + " ").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INSTANCE_IDS_FIELD = "\"instance_ids\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "connection: close".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private final byte[] getTaskResponse;
    private final byte[] asyncCommandResponse;
    private final byte[] notFoundResponse;
    private final byte[] badRequestResponse;
    private final byte[] unauthorizedResponse;
    private final StubAuth auth = new StubAuth();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong closedByClient = new AtomicLong();
    private final AtomicLong closedOnError = new AtomicLong();
    private volatile boolean running = true;

    /** How long each response is held (0: answered at once); with {@link #jobsPerId}, the fan-out mode. */
    private final long latencyNanos;
    private final boolean jobsPerId;
    /** Held responses, due in the order they were queued (every one waits the same latency); loop thread only. */
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /** Task-creating responses by number of jobs (jobsPerId mode); loop thread only. */
    private final Map<Integer, byte[]> taskResponses = new HashMap<>();
    private volatile int maxHeld;

    /** A response waiting for its due time. */
    private record Held(long dueNanos, SelectionKey key, byte[] response) {
    }

    StubServer() throws IOException {
        this(0, false);
    }

    /**
     * @param latencyMillis how long every response is held before it is written (0: at once)
     * @param jobsPerId     answer AsyncCommand and BatchReset with one job per instance id of the request (instead of
     *                      the fixed two-job seed), and answer BatchReset at all
     */
    StubServer(long latencyMillis, boolean jobsPerId) throws IOException {
        this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
        this.jobsPerId = jobsPerId;
        this.getTaskResponse = response(200, "OK", resource("stub/getTask.json"));
        this.asyncCommandResponse = response(200, "OK", resource("stub/asyncCommand.json"));
        this.notFoundResponse = response(404, "Not Found",
                "{\"error_code\":\"KOO.0404\",\"error_msg\":\"no such resource in the benchmark stub\"}".getBytes(StandardCharsets.UTF_8));
        this.badRequestResponse = response(400, "Bad Request",
                "{\"error_code\":\"KOO.0400\",\"error_msg\":\"the benchmark stub could not parse the request body\"}".getBytes(StandardCharsets.UTF_8));
        this.unauthorizedResponse = response(401, "Unauthorized",
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: refused by the benchmark stub\"}"
                        .getBytes(StandardCharsets.UTF_8));
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests answered so far. */
    long requests() {
        return requests.get();
    }

    /** The credential checks, their counters and sampling. */
    StubAuth auth() {
        return auth;
    }

    /** Requests answered with 400 or 404: a benchmark client sent something other than the two calls. */
    long unexpected() {
        return unexpected.get();
    }

    /**
     * The most responses held at once since the last call (the requests in flight as the server sees them, in
     * latency mode), and resets it.
     */
    int takeMaxInFlight() {
        int max = maxHeld;
        maxHeld = 0;
        return max;
    }

    /** Connections accepted, closed by the client (EOF), and closed after an I/O error (e.g. a reset). */
    String connectionStats() {
        return accepted.get() + " connections accepted, " + closedByClient.get() + " closed by clients, "
               + closedOnError.get() + " reset";
    }

    long threadId() {
        return thread.getId();
    }

    /** CPU time of the stub's thread, in nanoseconds. */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    int getTaskBodyLength() {
        return bodyLength(getTaskResponse);
    }

    int asyncCommandBodyLength() {
        return bodyLength(asyncCommandResponse);
    }

    private static int bodyLength(byte[] response) {
        String text = new String(response, StandardCharsets.US_ASCII);
        return response.length - (text.indexOf("\r\n\r\n") + 4);
    }

    static byte[] resource(String name) {
        try (InputStream in = StubServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] response(int status, String reason, byte[] body) {
        // headers as the real gateway sends them (minus per-request values the stub does not compute)
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                      + "Server: api-gateway\r\n"
                      + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC)) + "\r\n"
                      + "Content-Type: application/json;charset=utf-8\r\n"
                      + "Content-Length: " + body.length + "\r\n"
                      + "Connection: keep-alive\r\n"
                      + "X-Request-Id: 6b0f41f0b7b94f4e9a4e1c6d3f2a1b0c\r\n"
                      + "Strict-Transport-Security: max-age=31536000; includeSubdomains;\r\n"
                      + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** One client connection: what was read but not yet answered, and what is still to be written. */
    private static final class Connection {
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        final ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        boolean closeAfterWrite;
    }

    private void loop() {
        while (running) {
            try {
                if (held.isEmpty()) {
                    selector.select();
                } else {
                    long wait = held.peekFirst().dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
                    } else {
                        selector.selectNow();
                    }
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    try {
                        if (key.isAcceptable()) {
                            accept();
                        } else {
                            if (key.isWritable()) {
                                flush(key);
                            }
                            if (key.isValid() && key.isReadable()) {
                                read(key);
                            }
                        }
                    } catch (IOException e) {
                        closedOnError.incrementAndGet();
                        close(key);
                    }
                }
                release();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.err.println("stub: " + e);
                }
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Connection());
            accepted.incrementAndGet();
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection c = (Connection) key.attachment();
        if (!c.in.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
            c.in.flip();
            bigger.put(c.in);
            c.in = bigger;
        }
        int n = channel.read(c.in);
        if (n < 0) {
            closedByClient.incrementAndGet();
            close(key);
            return;
        }
        answer(key, c);
        flush(key);
    }

    /** Writes the held responses that are due. */
    private void release() {
        long now = System.nanoTime();
        while (!held.isEmpty() && held.peekFirst().dueNanos() - now <= 0) {
            Held h = held.pollFirst();
            if (!h.key().isValid()) {
                continue; // the client went away meanwhile
            }
            Connection c = (Connection) h.key().attachment();
            enqueue(c, h.response());
            try {
                flush(h.key());
            } catch (IOException e) {
                closedOnError.incrementAndGet();
                close(h.key());
            }
        }
    }

    /** Answers every complete request in the input buffer (clients may pipeline; ours do not). */
    private void answer(SelectionKey key, Connection c) {
        byte[] buf = c.in.array();
        int limit = c.in.position();
        int start = 0;
        while (true) {
            int headEnd = indexOfHeadEnd(buf, start, limit);
            if (headEnd < 0) {
                break;
            }
            int contentLength = 0;
            boolean chunked = false;
            int line = indexOfCrlf(buf, start, headEnd) + 2;
            while (line < headEnd) {
                int lineEnd = indexOfCrlf(buf, line, headEnd + 2);
                if (startsWithIgnoreCase(buf, line, lineEnd, CONTENT_LENGTH)) {
                    contentLength = parseInt(buf, line + CONTENT_LENGTH.length, lineEnd);
                } else if (startsWithIgnoreCase(buf, line, lineEnd, TRANSFER_ENCODING)) {
                    chunked = true;
                } else if (startsWithIgnoreCase(buf, line, lineEnd, CONNECTION_CLOSE)) {
                    c.closeAfterWrite = true;
                }
                line = lineEnd + 2;
            }
            int requestEnd = chunked ? chunkedEnd(buf, headEnd + 4, limit) : headEnd + 4 + contentLength;
            if (requestEnd == MALFORMED) {
                enqueue(c, badRequestResponse);
                unexpected.incrementAndGet();
                c.closeAfterWrite = true;
                start = limit;
                break;
            }
            if (requestEnd < 0 || requestEnd > limit) {
                break;
            }
            byte[] answer;
            if (auth.check(buf, start, headEnd, headEnd + 4, requestEnd, chunked) != null) {
                answer = unauthorizedResponse;
            } else if (startsWith(buf, start, limit, GET) && startsWith(buf, start + GET.length, limit, GET_TASK)) {
                answer = getTaskResponse;
            } else if (startsWith(buf, start, limit, POST) && startsWith(buf, start + POST.length, limit, ASYNC_COMMAND)) {
                answer = jobsPerId ? taskResponse(countIds(buf, headEnd + 4, requestEnd)) : asyncCommandResponse;
            } else if (jobsPerId && startsWith(buf, start, limit, POST) && startsWith(buf, start + POST.length, limit, BATCH_RESET)) {
                answer = taskResponse(countIds(buf, headEnd + 4, requestEnd));
            } else {
                answer = notFoundResponse;
                unexpected.incrementAndGet();
            }
            if (latencyNanos > 0) {
                held.addLast(new Held(System.nanoTime() + latencyNanos, key, answer));
                if (held.size() > maxHeld) {
                    maxHeld = held.size();
                }
            } else {
                enqueue(c, answer);
            }
            requests.incrementAndGet();
            start = requestEnd;
        }
        // keep the unanswered rest at the start of the buffer
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            c.in.position(limit - start);
        }
    }

    private static void enqueue(Connection c, byte[] response) {
        if (c.out.remaining() < response.length) {
            throw new IllegalStateException("stub output buffer full: the client does not read its responses");
        }
        c.out.put(response);
    }

    private void flush(SelectionKey key) throws IOException {
        Connection c = (Connection) key.attachment();
        c.out.flip();
        if (c.out.hasRemaining()) {
            ((SocketChannel) key.channel()).write(c.out);
        }
        boolean pending = c.out.hasRemaining();
        c.out.compact();
        if (!pending && c.closeAfterWrite) {
            close(key);
            return;
        }
        int ops = pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** The number of ids in the body's {@code "instance_ids":[...]} array (0 if there is none). */
    private static int countIds(byte[] b, int from, int to) {
        int field = indexOf(b, from, to, INSTANCE_IDS_FIELD);
        if (field < 0) {
            return 0;
        }
        int i = field + INSTANCE_IDS_FIELD.length;
        while (i < to && b[i] != '[') {
            i++;
        }
        int quotes = 0;
        for (; i < to && b[i] != ']'; i++) {
            if (b[i] == '"') {
                quotes++;
            }
        }
        return quotes / 2;
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        for (int i = from; i + what.length <= to; i++) {
            if (startsWith(b, i, to, what)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A task-creating response with {@code jobs} jobs and a task id of its own (as each call of a split request gets
     * from the API): a copy of a template built once per size, with a sequence number written into the task id.
     */
    private byte[] taskResponse(int jobs) {
        byte[] template = taskResponses.computeIfAbsent(jobs, n -> {
            StringBuilder body = new StringBuilder(64 + n * 80)
                    .append("{\"data\":{\"task_id\":\"").append(Target.TASK_ID).append("\",\"cmd_jobs\":[");
            for (int i = 0; i < n; i++) {
                body.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                        "{\"instance_id\":\"i%07d\",\"job_id\":\"1564567b8bab40f34711234c%08x\"}", i, i));
            }
            body.append("]},\"error_code\":\"0\",\"error_msg\":\"ok\"}");
            return response(200, "OK", body.toString().getBytes(StandardCharsets.US_ASCII));
        });
        byte[] response = template.clone();
        int at = indexOf(response, 0, response.length, TASK_ID_BYTES);
        long sequence = ++taskSequence;
        for (int i = 0; i < 16; i++) {
            response[at + TASK_ID_BYTES.length - 1 - i] = (byte) Character.forDigit((int) (sequence >>> (4 * i)) & 0xf, 16);
        }
        return response;
    }

    private static final byte[] TASK_ID_BYTES = Target.TASK_ID.getBytes(StandardCharsets.US_ASCII);
    private long taskSequence;

    private static final int MALFORMED = -2;

    /**
     * The end of a chunked body starting at {@code from} (after its last CRLF), -1 when not all of it is there yet,
     * or {@link #MALFORMED}. Trailers are not supported (no client here sends any).
     */
    private static int chunkedEnd(byte[] b, int from, int limit) {
        int i = from;
        while (true) {
            int lineEnd = indexOfCrlf(b, i, limit);
            if (lineEnd >= limit) {
                return -1;
            }
            int size = 0;
            for (int j = i; j < lineEnd && b[j] != ';'; j++) {
                int digit = Character.digit(b[j], 16);
                if (digit < 0) {
                    return MALFORMED;
                }
                size = size * 16 + digit;
            }
            i = lineEnd + 2;
            if (size == 0) {
                return i + 2 <= limit ? (b[i] == '\r' && b[i + 1] == '\n' ? i + 2 : MALFORMED) : -1;
            }
            i += size + 2;
            if (i > limit) {
                return -1;
            }
        }
    }

    private static int indexOfHeadEnd(byte[] b, int from, int limit) {
        for (int i = from; i + 3 < limit; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static int indexOfCrlf(byte[] b, int from, int limit) {
        for (int i = from; i + 1 < limit; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return limit;
    }

    static boolean startsWith(byte[] b, int from, int limit, byte[] prefix) {
        if (limit - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(byte[] b, int from, int limit, byte[] lowerPrefix) {
        if (limit - from < lowerPrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length; i++) {
            int ch = b[from + i];
            if (ch >= 'A' && ch <= 'Z') {
                ch += 'a' - 'A';
            }
            if (ch != lowerPrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int parseInt(byte[] b, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            if (b[i] >= '0' && b[i] <= '9') {
                value = value * 10 + (b[i] - '0');
            }
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            close(key);
        }
        selector.close();
        server.close();
    }
}
