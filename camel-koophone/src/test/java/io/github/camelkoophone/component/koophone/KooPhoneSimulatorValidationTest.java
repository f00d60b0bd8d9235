package io.github.camelkoophone.component.koophone;

import java.util.Map;
import java.util.stream.Stream;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, part 3: every malformed input of {@link BadInputs} (wrong types, missing fields, over-long and forbidden
 * commands, out-of-range video specs, too many ids with splitting off, malformed JSON, unknown operations, nonsense
 * option values) fails naming the field and the rule, and the simulator's journal shows 0 requests, IAM included.
 */
class KooPhoneSimulatorValidationTest extends SimulatorTestSupport {

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture().forbid(KooPhoneSimulator.DEFAULT_STATIC_TOKEN);

    static Stream<Arguments> badInputs() {
        return BadInputs.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void nothingReachesTheSimulator(String name, String uri, Object body, Map<String, Object> headers, String field, String rule) {
        Throwable failure = BadInputs.failureOf(() -> call(uri, body, headers));

        BadInputs.assertRejected(name, failure, field, rule);
        logs.scan(failure);
        assertThat(sim.journal().entries()).as("requests the simulator received for %s", name).isEmpty();
    }
}
