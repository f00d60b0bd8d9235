package io.github.camelkoophone.component.cloud.call;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cph.CphOperation;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.component.koophone.KooPhoneApiException;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.ListInstancesResult;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What {@link ResponseReader#reply} makes of each shape an answer can take: the result, the error code and message
 * reported, the task id, or the failure, as expected values.
 */
class ReplyShapesTest {

    private static final ResponseReader READER = new ResponseReader(new CloudService("KooPhone", KooPhoneApiException::new));

    private static Reply reply(ApiOperation op, int status, String body) {
        return READER.reply(op, new ApiResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8)), "rid");
    }

    private static Reply reply(ApiOperation op, String body) {
        return reply(op, 200, body);
    }

    /** The reply fails with a KooPhoneApiException of exactly these fields; returns its message for further checks. */
    private static String assertFails(ApiOperation op, int status, String body, int httpStatus, String errorCode, String errorMessage) {
        Throwable thrown = catchThrowable(() -> reply(op, status, body));
        assertThat(thrown).as("the failure of %s", body).isExactlyInstanceOf(KooPhoneApiException.class);
        KooPhoneApiException e = (KooPhoneApiException) thrown;
        assertThat(e.getOperation()).as("operation").isEqualTo(op.name());
        assertThat(e.getHttpStatus()).as("HTTP status").isEqualTo(httpStatus);
        assertThat(e.getErrorCode()).as("error code").isEqualTo(errorCode);
        assertThat(e.getRequestId()).as("request id").isEqualTo("rid");
        if (errorMessage != null) {
            assertThat(e.getErrorMessage()).as("error message").isEqualTo(errorMessage);
        }
        return e.getErrorMessage();
    }

    static Stream<Path> seeds() throws IOException, URISyntaxException {
        Path dir = Path.of(ReplyShapesTest.class.getResource("/seeds/getTask.json").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everySeedIsReadIntoItsOperationsResultType(Path seed) throws IOException {
        KooPhoneOperation op = KooPhoneOperation.valueOf(seed.getFileName().toString().replaceAll("[-.].*", ""));

        Reply reply = reply(op, Files.readString(seed));

        assertThat(reply.result()).isInstanceOf(op.resultType());
    }

    @Test
    void aPlainEnvelope() {
        Reply reply = reply(KooPhoneOperation.asyncCommand, "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":{\"task_id\":\"t1\","
                                                            + "\"cmd_jobs\":[{\"instance_id\":\"a\",\"job_id\":\"j\"}]}}");

        assertThat(reply).extracting(Reply::errorCode, Reply::errorMessage, Reply::taskId).containsExactly("0", "ok", "t1");
        assertThat(((TaskResult) reply.result()).getCmdJobs()).extracting(CmdJob::getInstanceId, CmdJob::getJobId)
                .containsExactly(tuple("a", "j"));
    }

    @Test
    void dataFirstOrAloneAndNoMessage() {
        assertThat(reply(KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":\"t1\"},\"error_code\":\"0\"}"))
                .extracting(Reply::errorCode, Reply::errorMessage, Reply::taskId).containsExactly("0", null, "t1");
        assertThat(reply(KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":\"t1\"}}"))
                .extracting(Reply::errorCode, Reply::errorMessage, Reply::taskId).containsExactly(null, null, "t1");
    }

    @Test
    void theErrorCodeInsideTheDataWinsOverTheEnvelopes() {
        Reply reply = reply(KooPhoneOperation.asyncCommand,
                "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":{\"error_code\":\"E1\",\"error_msg\":\"inner\",\"task_id\":\"t1\"}}");

        assertThat(reply).extracting(Reply::errorCode, Reply::errorMessage, Reply::taskId).containsExactly("E1", "inner", "t1");
        assertThat(((TaskResult) reply.result()).getTaskId()).isEqualTo("t1");
    }

    @Test
    void numbersAndNullsAsCodes() {
        Reply reply = reply(KooPhoneOperation.asyncCommand, "{\"error_code\":0,\"error_msg\":null,\"data\":{\"task_id\":7}}");

        assertThat(reply).extracting(Reply::errorCode, Reply::errorMessage, Reply::taskId).containsExactly("0", null, "7");
        assertThat(((TaskResult) reply.result()).getTaskId()).isEqualTo("7");
    }

    @Test
    void unicodeAndWhitespace() {
        Reply reply = reply(KooPhoneOperation.getTask, "  {\n \"data\" : { \"jobs\" : [ {\"job_id\":\"j\",\"status\":2,"
                                                       + "\"execute_msg\":\"路径 \\u00e9\"} ] } , \"error_code\" : \"0\" }\n");

        assertThat(((GetTaskResult) reply.result()).getJobs()).singleElement()
                .satisfies(job -> assertThat(job.getExecuteMsg()).isEqualTo("路径 é"));
    }

    @Test
    void aDataFieldDeeperDownIsNotTheQuirkAndNestedCodesAreNotTheReplys() {
        Reply reply = reply(KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":\"t1\",\"cmd_jobs\":[{\"instance_id\":\"a\","
                                                            + "\"job_id\":\"j\",\"data\":{\"data\":1}}],\"extra\":{\"error_code\":\"E9\",\"task_id\":\"no\"}}}");

        assertThat(reply).extracting(Reply::errorCode, Reply::taskId).containsExactly(null, "t1");
        assertThat(((TaskResult) reply.result()).getCmdJobs()).hasSize(1);
    }

    @Test
    void aTaskIdThatIsNoSingleValueDoesNotBind() {
        // the rest of the message is Jackson's own wording
        assertThat(assertFails(KooPhoneOperation.asyncCommand, 200, "{\"data\":{\"task_id\":[\"t1\"]}}", 200, null, null))
                .startsWith("unexpected response shape: ").contains("String", "Array");
    }

    @Test
    void dataInsideDataIsUnwrapped() {
        assertThat(reply(KooPhoneOperation.asyncCommand, "{\"error_code\":\"0\",\"data\":{\"data\":{\"task_id\":\"t2\"}}}"))
                .extracting(Reply::errorCode, Reply::taskId).containsExactly("0", "t2");
    }

    @Test
    void pagingBesideTheData() {
        ListInstancesResult list = (ListInstancesResult) reply(KooPhoneOperation.listInstances,
                "{\"data\":{\"result\":[]},\"page_no\":1,\"total_count\":72}").result();

        assertThat(list.getPageNo()).isEqualTo(1);
        assertThat(list.getTotalCount()).isEqualTo(72);
        assertThat(list.getResult()).isEmpty();
    }

    @Test
    void noDataWrapper() {
        Reply reply = reply(KooPhoneOperation.batchQueryStatus, "{\"error_code\":\"0\",\"status_results\":[{\"instance_id\":\"a\",\"status\":2}]}");

        assertThat(((BatchQueryStatusResult) reply.result()).getStatusResults())
                .extracting(s -> s.getInstanceId(), s -> s.getStatus()).containsExactly(tuple("a", 2));
        assertThat(reply.errorCode()).isEqualTo("0");
    }

    @Test
    void dataNullIsAnEmptyResult() {
        Reply reply = reply(KooPhoneOperation.batchReset, "{\"error_code\":\"0\",\"data\":null}");

        assertThat(((TaskResult) reply.result()).getTaskId()).isNull();
        assertThat(((TaskResult) reply.result()).getCmdJobs()).isNull();
        assertThat(reply.errorCode()).isEqualTo("0");
    }

    @Test
    void dataTwiceTheLastOneCounts() {
        Reply reply = reply(KooPhoneOperation.asyncCommand, "{\"data\":{\"task_id\":\"a\"},\"data\":{\"task_id\":\"b\"}}");

        assertThat(reply).extracting(Reply::errorCode, Reply::errorMessage, Reply::taskId).containsExactly(null, null, "b");
        assertThat(((TaskResult) reply.result()).getTaskId()).isEqualTo("b");
    }

    @Test
    void aBusinessErrorWithHttp200() {
        assertFails(KooPhoneOperation.asyncCommand, 200, "{\"error_code\":\"KOOPHONE.API.1012\",\"error_msg\":\"instance error\",\"data\":{}}",
                200, "KOOPHONE.API.1012", "instance error");
    }

    @Test
    void bodiesThatCannotBeRead() {
        // a wrong type inside the data: the rest of the message is Jackson's own wording
        assertThat(assertFails(KooPhoneOperation.getTask, 200, "{\"data\":{\"jobs\":\"none\"}}", 200, null, null))
                .startsWith("unexpected response shape: ");
        String truncated = "{\"error_code\":\"0\",\"data\":{\"jobs\":[{\"job_id\":\"j\"";
        assertFails(KooPhoneOperation.getTask, 200, truncated, 200, null, "malformed JSON response (47 bytes): " + truncated);
        String badNumber = "{\"data\":{\"jobs\":[{\"status\":2x}]}}";
        assertFails(KooPhoneOperation.getTask, 200, badNumber, 200, null, "malformed JSON response (33 bytes): " + badNumber);
        assertFails(KooPhoneOperation.getTask, 200, "[1,2]", 200, null, "unexpected response, not a JSON object: [1,2]");
        assertFails(KooPhoneOperation.getTask, 200, "", 200, null, "empty response body");
    }

    @Test
    void errorStatuses() {
        assertFails(KooPhoneOperation.getTask, 404, "{\"error_code\":\"KOOPHONE.API.1004\",\"error_msg\":\"task not found\"}",
                404, "KOOPHONE.API.1004", "task not found");
        assertFails(KooPhoneOperation.getTask, 500, "<html>oops</html>", 500, null, "non-JSON error body: <html>oops</html>");
        assertFails(KooPhoneOperation.getTask, 401, "", 401, null, "no response body");
    }

    @Test
    void aCphAnswerWithoutEnvelopeAndItsRequestIdAsTheTaskId() {
        Reply reply = reply(CphOperation.restartCloudPhones, "{\"request_id\":\"r1\",\"jobs\":[{\"phone_id\":\"p\",\"job_id\":\"j\"}]}");

        assertThat(reply.taskId()).isEqualTo("r1");
        assertThat(((RestartCloudPhonesResult) reply.result()).getJobs()).singleElement()
                .satisfies(job -> assertThat(List.of(job.getPhoneId(), job.getJobId())).containsExactly("p", "j"));
    }
}
