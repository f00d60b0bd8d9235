package io.github.camelkoophone.component.koophone.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.camelkoophone.component.cph.CphOperation;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message without a body has its request built by {@link InputBinder}, without a JSON tree; an empty body takes
 * the tree path. For every operation and a spread of inputs, good and bad, both must give the same calls (method,
 * path, query, body bytes, headers) or the same exception. And an input the operation does not
 * {@linkplain ApiOperation#reads(Input) read}, which the producer therefore never looks up, must change neither.
 */
class InputBinderEquivalenceTest {

    private static final List<RequestAssembler> ASSEMBLERS = List.of(
            new RequestAssembler(new RequestAssembler.Settings("http://127.0.0.1:1", 100, true, 30_000,
                    Map.of("project_id", "p1"))),
            new RequestAssembler(new RequestAssembler.Settings("http://127.0.0.1:1/base/", 7, true, 30_000,
                    Map.of("project_id", "p1"))),
            new RequestAssembler(new RequestAssembler.Settings("http://127.0.0.1:1", 0, false, 30_000)));

    static Stream<Arguments> cases() {
        List<String> threeIds = List.of("a44uhlf7", "efjy72gs", "k3j2h1g0");
        List<String> manyIds = IntStream.range(0, 150).mapToObj(i -> String.format("id%06d", i)).toList();
        List<Inputs> inputs = List.of(
                new Inputs(null, null, null, null, null),
                new Inputs(List.of("a44uhlf7"), null, "pm list packages", "t-1", "u-1"),
                new Inputs(threeIds, null, "ls /sdcard", "6837531fd3f54550927b930180a706bf", "user1"),
                new Inputs(manyIds, null, "reboot", null, null),
                new Inputs(null, "efjy72gs", "getprop", null, "u-2"),
                new Inputs(threeIds, "efjy72gs", null, null, null),
                new Inputs(List.of("bad id!"), null, "", "", ""),
                new Inputs(List.of(), null, "rm -rf /; reboot", "task with spaces/and%", null));
        List<Arguments> all = new ArrayList<>();
        List<ApiOperation> ops = new ArrayList<>(List.of(KooPhoneOperation.values()));
        Collections.addAll(ops, CphOperation.values());
        for (ApiOperation op : ops) {
            for (int a = 0; a < ASSEMBLERS.size(); a++) {
                for (int i = 0; i < inputs.size(); i++) {
                    all.add(Arguments.of(op.name() + " assembler " + a + " inputs " + i, op, ASSEMBLERS.get(a), inputs.get(i)));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noBodyGivesWhatTheTreePathGives(String name, ApiOperation op, RequestAssembler assembler, Inputs inputs) {
        assertThat(outcome(assembler, op, null, inputs)).isEqualTo(outcome(assembler, op, "{}", inputs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anInputTheOperationDoesNotReadChangesNothing(String name, ApiOperation op, RequestAssembler assembler, Inputs inputs) {
        for (Input input : Input.values()) {
            if (input == Input.USER_INSTANCES || op.reads(input)) {
                continue; // not an input of its own, or one the producer passes on
            }
            Inputs without = without(inputs, input);
            assertThat(outcome(assembler, op, null, without)).as("%s without %s", op.name(), input)
                    .isEqualTo(outcome(assembler, op, null, inputs));
            assertThat(outcome(assembler, op, "{}", without)).as("%s without %s, tree path", op.name(), input)
                    .isEqualTo(outcome(assembler, op, "{}", inputs));
        }
    }

    @Test
    void anOperationReadsTheInputsItsBindingsFillFrom() {
        assertThat(KooPhoneOperation.getTask.reads(Input.TASK_ID)).isTrue();
        assertThat(KooPhoneOperation.getTask.reads(Input.INSTANCE_IDS)).isFalse();
        // a single id falls back to a list of one, and the pairs need the user and the ids
        assertThat(KooPhoneOperation.getDeviceToken.reads(Input.INSTANCE_IDS)).isTrue();
        assertThat(KooPhoneOperation.assignInstance.reads(Input.USER_ID)).isTrue();
        assertThat(KooPhoneOperation.assignInstance.reads(Input.INSTANCE_ID)).isTrue();
        assertThat(KooPhoneOperation.createInstance.reads(Input.INSTANCE_ID)).isFalse();
    }

    private static Inputs without(Inputs in, Input input) {
        return new Inputs(input == Input.INSTANCE_IDS ? null : in.instanceIds(), input == Input.INSTANCE_ID ? null : in.instanceId(),
                input == Input.COMMAND ? null : in.command(), input == Input.TASK_ID ? null : in.taskId(),
                input == Input.USER_ID ? null : in.userId());
    }

    @Test
    void theOperationsCalledMostAreBuiltWithoutATree() {
        for (KooPhoneOperation op : List.of(KooPhoneOperation.asyncCommand, KooPhoneOperation.syncCommand,
                KooPhoneOperation.getTask, KooPhoneOperation.batchReset, KooPhoneOperation.getDeviceToken,
                KooPhoneOperation.installApp, KooPhoneOperation.batchPrepareInstances)) {
            assertThat(InputBinder.of(op)).as(op.name()).isNotNull();
        }
        // a list of user/instance pairs is made by the tree path only
        assertThat(InputBinder.of(KooPhoneOperation.assignInstance)).isNull();
    }

    /** The calls without their random request ids, or the exception as text. */
    private static Object outcome(RequestAssembler assembler, ApiOperation op, Object body, Inputs inputs) {
        try {
            List<String> calls = new ArrayList<>();
            for (ApiRequest call : assembler.assemble(op, body, inputs, "rid")) {
                calls.add(call.method() + " " + call.baseUrl() + call.target() + " " + call.query()
                          + " idempotent=" + call.idempotent() + " timeout=" + call.timeout()
                          + " body=" + (call.body() == null ? null : new String(call.body()))
                          + " headers=" + call.headers().keySet());
            }
            return calls;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
