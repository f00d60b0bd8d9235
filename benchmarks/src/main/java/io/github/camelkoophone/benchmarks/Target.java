package io.github.camelkoophone.benchmarks;

import java.util.List;

/**
 * One way of calling the API, the thing a benchmark variant measures. Implementations are thread-safe: worker
 * threads call them concurrently. Every call returns the parsed, typed result, which the harness checks.
 */
abstract class Target implements AutoCloseable {

    /** The task id asked for, the command sent and its instances (the stub answers the same whatever they are). */
    static final String TASK_ID = "6837531fd3f54550927b930180a706bf";
    static final String COMMAND = "pm list packages";
    static final List<String> INSTANCE_IDS = List.of("a44uhlf7", "efjy72gs");

    /** Credentials: the stub checks none of them, every client pays for producing them. */
    static final String TOKEN = "MIIZkQYJKoZIhvcNAQcCoIIZgjCCGX4CAQExDTALBglghkgBZQMEAgEwghejBgkqhkiG9w0BBwGgghe"
                                + "UBIIXkHsidG9rZW4iOnsiZXhwaXJlc19hdCI6IjIwMjYtMTEtMjRUMDk6MDA6MDAuMDAwMDAwWiIs"
                                + "Im1ldGhvZHMiOlsicGFzc3dvcmQiXSwiY2F0YWxvZyI6W10sInJvbGVzIjpbeyJuYW1lIjoidGVf"
                                + "YWRtaW4iLCJpZCI6IjAifV0sInByb2plY3QiOnsiZG9tYWluIjp7Im5hbWUiOiJiZW5jaCJ9fX19";
    static final String ACCESS_KEY = "QTWAOYTTINDUT2QVKYUC";
    static final String SECRET_KEY = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    static final String PROJECT_ID = "0b5e2dc8c4801e0d2f7fc0044e1a2fb2";

    enum Op {
        GET_TASK("GetTask"), ASYNC_COMMAND("AsyncCommand");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    final String id;
    final String label;

    Target(String id, String label) {
        this.id = id;
        this.label = label;
    }

    final void call(Op op) throws Exception {
        if (op == Op.GET_TASK) {
            Checks.getTask(getTask(TASK_ID));
        } else {
            Checks.asyncCommand(asyncCommand(COMMAND, INSTANCE_IDS));
        }
    }

    abstract Object getTask(String taskId) throws Exception;

    abstract Object asyncCommand(String command, List<String> instanceIds) throws Exception;

    @Override
    public void close() throws Exception {
    }

    @Override
    public String toString() {
        return id;
    }
}
