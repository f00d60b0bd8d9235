package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, part 3: every malformed input of {@link BadInputs} (wrong types, missing fields, over-long and forbidden
 * commands, out-of-range video specs, too many ids with splitting off, malformed JSON, unknown operations, nonsense
 * option values) fails naming the field and the rule, and the simulator's journal shows 0 requests, IAM included:
 * each input is tried with a static token and with IAM password login, where a login before the check would show.
 */
class KooPhoneSimulatorValidationTest extends SimulatorTestSupport {

    /** How the component authenticates: a static token never logs in, a password does before its first call. */
    enum Credentials {
        STATIC_TOKEN, PASSWORD_LOGIN
    }

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture().expectComponentTrace()
            .forbid(KooPhoneSimulator.DEFAULT_STATIC_TOKEN, KooPhoneSimulator.DEFAULT_PASSWORD, "MIIsim");

    static Stream<Arguments> badInputs() {
        return Stream.of(Credentials.values()).flatMap(credentials -> BadInputs.rows().map(row -> {
            Object[] args = row.get();
            Object[] withCredentials = new Object[args.length + 1];
            withCredentials[0] = credentials;
            System.arraycopy(args, 0, withCredentials, 1, args.length);
            return Arguments.of(withCredentials);
        }));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void nothingReachesTheSimulator(Credentials credentials, String name, String uri, Object body, Map<String, Object> headers,
                                    String field, String rule) {
        if (credentials == Credentials.PASSWORD_LOGIN) {
            usePasswordLogin(context.getComponent("koophone", KooPhoneComponent.class).getConfiguration(),
                    KooPhoneSimulator.DEFAULT_PASSWORD);
        }

        Throwable failure = BadInputs.failureOf(() -> call(uri, body, headers));

        BadInputs.assertRejected(name, failure, field, rule);
        logs.scan(failure);
        assertThat(sim.journal().entries()).as("requests the simulator received for %s", name).isEmpty();

        // the same component with a valid input: the journal does count a login, and the capture sees the component
        Exchange valid = call("koophone:batchQueryStatus", null, Map.of(KooPhoneConstants.INSTANCE_IDS, sim.inventory().ids().get(0)));
        assertThat(valid.getException()).isNull();
        assertThat(sim.journal().entries()).extracting(JournalEntry::operation).containsExactlyElementsOf(
                credentials == Credentials.PASSWORD_LOGIN ? List.of("iamToken", "batchQueryStatus") : List.of("batchQueryStatus"));
    }
}
