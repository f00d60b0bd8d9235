package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cph.CphOperation;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.transport.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link ResponseReader#reply} binds plain envelopes in one streaming pass and everything else through the tree;
 * whichever way, the reply must be what the tree path gives: the same result, error code and message, task id, or
 * the same exception.
 */
class ReplyEquivalenceTest {

    /** Every seed response, with the operation its name starts with. */
    static Stream<Arguments> seeds() throws IOException, URISyntaxException {
        Path dir = Path.of(ReplyEquivalenceTest.class.getResource("/seeds/getTask.json").toURI()).getParent();
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                KooPhoneOperation op = KooPhoneOperation.valueOf(name.replaceAll("[-.].*", ""));
                all.add(Arguments.of(name, op, Files.readString(file)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everySeedGivesTheTreePathsReply(String name, KooPhoneOperation op, String body) {
        assertSameReply(op, 200, body);
    }

    /** Shapes that must take the tree path, and plain ones (read and bound in one pass) that may not. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("plain", KooPhoneOperation.asyncCommand, "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":{\"task_id\":\"t1\","
                        + "\"cmd_jobs\":[{\"instance_id\":\"a\",\"job_id\":\"j\"}]}}", true),
                Arguments.of("plain, data first, no message", KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":\"t1\"},\"error_code\":\"0\"}", true),
                Arguments.of("plain, only data", KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":\"t1\"}}", true),
                Arguments.of("error code inside data wins", KooPhoneOperation.asyncCommand,
                        "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":{\"error_code\":\"E1\",\"error_msg\":\"inner\",\"task_id\":\"t1\"}}", true),
                Arguments.of("numbers and nulls as codes", KooPhoneOperation.asyncCommand,
                        "{\"error_code\":0,\"error_msg\":null,\"data\":{\"task_id\":7}}", true),
                Arguments.of("unicode, whitespace and a trailing newline", KooPhoneOperation.getTask,
                        "  {\n \"data\" : { \"jobs\" : [ {\"job_id\":\"j\",\"status\":2,\"execute_msg\":\"路径 \\u00e9\"} ] } ,"
                        + " \"error_code\" : \"0\" }\n", true),
                Arguments.of("a data field deeper down is not the quirk", KooPhoneOperation.asyncCommand,
                        "{\"data\":{\"task_id\":\"t1\",\"cmd_jobs\":[{\"instance_id\":\"a\",\"job_id\":\"j\",\"data\":{\"data\":1}}],"
                        + "\"extra\":{\"error_code\":\"E9\",\"task_id\":\"no\"}}}", true),
                Arguments.of("task id not a scalar", KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":[\"t1\"]}}", false),
                Arguments.of("nested data", KooPhoneOperation.asyncCommand, "{\"error_code\":\"0\",\"data\":{\"data\":{\"task_id\":\"t2\"}}}", false),
                Arguments.of("paging beside data", KooPhoneOperation.listInstances,
                        "{\"data\":{\"result\":[]},\"page_no\":1,\"total_count\":72}", false),
                Arguments.of("no data wrapper", KooPhoneOperation.batchQueryStatus,
                        "{\"error_code\":\"0\",\"status_results\":[{\"instance_id\":\"a\",\"status\":2}]}", false),
                Arguments.of("data null", KooPhoneOperation.batchReset, "{\"error_code\":\"0\",\"data\":null}", false),
                Arguments.of("data twice", KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":\"a\"},\"data\":{\"task_id\":\"b\"}}", false),
                Arguments.of("business error with 200", KooPhoneOperation.asyncCommand,
                        "{\"error_code\":\"KOOPHONE.API.1012\",\"error_msg\":\"instance not found\",\"data\":{}}", true),
                Arguments.of("wrong type inside data", KooPhoneOperation.getTask, "{\"data\":{\"jobs\":\"none\"}}", false),
                Arguments.of("truncated", KooPhoneOperation.getTask, "{\"error_code\":\"0\",\"data\":{\"jobs\":[{\"job_id\":\"j\"", false),
                Arguments.of("bad number inside data", KooPhoneOperation.getTask, "{\"data\":{\"jobs\":[{\"status\":2x}]}}", false),
                Arguments.of("not an object", KooPhoneOperation.getTask, "[1,2]", false),
                Arguments.of("cph answer without envelope", CphOperation.restartCloudPhones,
                        "{\"request_id\":\"r1\",\"jobs\":[{\"phone_id\":\"p\",\"job_id\":\"j\"}]}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyShapeGivesTheTreePathsReply(String name, ApiOperation op, String body, boolean plain) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(PlainEnvelope.read(op, bytes) != null).as("read as a plain envelope").isEqualTo(plain);
        assertSameReply(op, 200, body);
    }

    @Test
    void theSeedsOfTheHotPathsAreReadAsPlain() {
        for (String seed : List.of("getTask.json", "asyncCommand.json", "syncCommand.json", "batchReset.json")) {
            KooPhoneOperation op = KooPhoneOperation.valueOf(seed.replace(".json", ""));
            assertThat(PlainEnvelope.read(op, seed(seed))).as(seed).isNotNull();
        }
    }

    @Test
    void errorStatusesAndEmptyBodiesFailAsBefore() {
        assertSameReply(KooPhoneOperation.getTask, 404, "{\"error_code\":\"KOOPHONE.API.1004\",\"error_msg\":\"task not found\"}");
        assertSameReply(KooPhoneOperation.getTask, 500, "<html>oops</html>");
        assertSameReply(KooPhoneOperation.getTask, 200, "");
    }

    private static void assertSameReply(ApiOperation op, int status, String body) {
        ApiResponse response = new ApiResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        Object expected;
        try {
            ObjectNode data = ResponseReader.read(op.name(), response, "rid", op.errorCodeInSuccessIsFailure());
            expected = new Reply(Json.MAPPER.valueToTree(ResultAssembler.convert(op, data, "rid")), text(data, "error_code"),
                    text(data, "error_msg"), text(data, op.taskIdField()));
        } catch (RuntimeException e) {
            expected = e.getClass().getName() + ": " + e.getMessage();
        }
        Object actual;
        try {
            Reply reply = ResponseReader.reply(op, response, "rid");
            actual = new Reply(Json.MAPPER.valueToTree(reply.result()), reply.errorCode(), reply.errorMessage(), reply.taskId());
        } catch (RuntimeException e) {
            actual = e.getClass().getName() + ": " + e.getMessage();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(catchThrowable(() -> ResponseReader.reply(op, response, "rid")) == null)
                .as("reply succeeds exactly when the tree path does").isEqualTo(expected instanceof Reply);
    }

    private static String text(ObjectNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }

    private static byte[] seed(String name) {
        try (var in = ReplyEquivalenceTest.class.getResourceAsStream("/seeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
