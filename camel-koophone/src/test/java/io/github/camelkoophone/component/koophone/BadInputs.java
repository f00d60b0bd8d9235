package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.provider.Arguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed inputs across operations, options and bodies, each with the field and the rule its failure must name.
 * Shared by the WireMock-backed {@link KooPhoneValidationTest} and the simulator-backed
 * {@link KooPhoneSimulatorValidationTest}: both prove nothing is sent.
 */
final class BadInputs {

    private static final String IDS = KooPhoneConstants.INSTANCE_IDS;
    private static final String CMD = KooPhoneConstants.COMMAND;

    private BadInputs() {
    }

    /** Rows of (name, uri, body, headers, field, rule). */
    static Stream<Arguments> rows() {
        List<String> tooMany = IntStream.range(0, 150).mapToObj(i -> "id" + i).toList();
        String video = "{\"instance_ids\":[\"a1\"],\"instance_settings\":[{\"network_type\":\"%s\",\"encoding_type\":\"%s\","
                       + "\"video_spec_groups\":[{\"definition_540P\":{\"code_rate\":1000,\"fps\":30},"
                       + "\"definition_720P\":{\"code_rate\":%s,\"fps\":%s},\"definition_1080P\":{\"code_rate\":3000,\"fps\":60}}]}]}";
        return Stream.of(
                bad("unknown operation header", "koophone:batchReset", null, Map.of(KooPhoneConstants.OPERATION, "rebootAll"),
                        "operation", "must be one of"),
                bad("missing command", "koophone:asyncCommand", null, Map.of(IDS, "a1"), "command", "is required"),
                bad("missing instance ids", "koophone:asyncCommand", null, Map.of(CMD, "ls"), "instance_ids", "at least one"),
                bad("command over 1024 bytes", "koophone:asyncCommand", null, Map.of(IDS, "a1", CMD, "a".repeat(1025)),
                        "command", "at most 1024 bytes"),
                bad("multi-byte command over 1024 bytes", "koophone:syncCommand", null, Map.of(IDS, "a1", CMD, "é".repeat(513)),
                        "command", "at most 1024 bytes"),
                bad("forbidden character ;", "koophone:asyncCommand", null, Map.of(IDS, "a1", CMD, "ls; reboot"),
                        "command", "may contain only"),
                bad("forbidden character |", "koophone:syncCommand", null, Map.of(IDS, "a1", CMD, "ps | grep x"),
                        "command", "may contain only"),
                bad("instance id over 32 characters", "koophone:batchReset", null, Map.of(IDS, "x".repeat(33)),
                        "instance_ids[0]", "at most 32 characters"),
                bad("blank instance id", "koophone:batchReset", null, Map.of(IDS, List.of("a1", " ")),
                        "instance_ids[1]", "is required"),
                bad("too many ids with splitting off", "koophone:batchReset?maxBatchSize=0", null, Map.of(IDS, tooMany),
                        "instance_ids", "at most 100 entries, had 150"),
                bad("fps not 30 or 60", "koophone:setVideoConfig", String.format(video, "WIFI", "H264", "1000", "45"), Map.of(),
                        "definition_720P.fps", "45"),
                bad("code rate not a multiple of 100", "koophone:setVideoConfig", String.format(video, "WIFI", "H264", "150", "30"),
                        Map.of(), "definition_720P.code_rate", "multiple of 100"),
                bad("code rate above 10000", "koophone:setVideoConfig", String.format(video, "WIFI", "H264", "20000", "30"),
                        Map.of(), "definition_720P.code_rate", "10000"),
                bad("unknown network type", "koophone:setVideoConfig", String.format(video, "LTE", "H264", "1000", "30"),
                        Map.of(), "network_type", "LTE"),
                bad("unknown encoding type", "koophone:setVideoConfig", String.format(video, "WIFI", "VP9", "1000", "30"),
                        Map.of(), "encoding_type", "VP9"),
                bad("malformed JSON body", "koophone:batchReset", "{\"instance_ids\": [\"a1\"", Map.of(), "body", "not valid JSON"),
                bad("JSON array body", "koophone:batchReset", "[\"a1\"]", Map.of(), "body", "must be a JSON object"),
                bad("wrong type in body", "koophone:asyncCommand", "{\"instance_ids\":[\"a1\"],\"command\":{\"sh\":1}}", Map.of(),
                        "command", "wrong type"),
                bad("wrong type in a nested field", "koophone:setVideoConfig",
                        "{\"instance_ids\":[\"a1\"],\"instance_settings\":[{\"video_spec_groups\":[{\"definition_720P\":{\"fps\":\"fast\"}}]}]}",
                        Map.of(), "instance_settings[0].video_spec_groups[0].definition_720P.fps", "wrong type"),
                bad("missing task id", "koophone:getTask", null, Map.of(), "task_id", "is required"),
                bad("missing instance id for device token", "koophone:getDeviceToken", null, Map.of(), "instance_id", "is required"),
                bad("assign without user id", "koophone:assignInstance", null, Map.of(IDS, "a1"), "user_instances", "at least one"),
                bad("progress without user id", "koophone:showProgress", null, Map.of(KooPhoneConstants.INSTANCE_ID, "a1"),
                        "user_id", "is required"),
                bad("unknown pool scene tag", "koophone:listInstances", "{\"pool_scene_tag\":\"CLOUD_TV\"}", Map.of(),
                        "pool_scene_tag", "CLOUD_TV"),
                bad("malformed request id", "koophone:batchReset", null, Map.of(IDS, "a1", KooPhoneConstants.REQUEST_ID, "not an id!"),
                        "CamelKooPhoneRequestId", "32 lower-case hex digits or a UUID"),
                bad("non-JSON body object", "koophone:batchReset", new Object(), Map.of(), "body", "cannot be turned into JSON"),
                bad("negative request timeout", "koophone:batchReset?requestTimeout=-5", null, Map.of(IDS, "a1"),
                        "requestTimeout", "at least 1"),
                bad("zero batch concurrency", "koophone:batchReset?batchConcurrency=0", null, Map.of(IDS, "a1"),
                        "batchConcurrency", "at least 1"),
                bad("batch size above the API maximum", "koophone:batchReset?maxBatchSize=500", null, Map.of(IDS, "a1"),
                        "maxBatchSize", "at most 100"),
                bad("negative retries", "koophone:batchReset?maxRetries=-1", null, Map.of(IDS, "a1"), "maxRetries", "at least 0"),
                bad("unknown event mode", "koophone:batchReset?eventMode=jobs", null, Map.of(IDS, "a1"), "eventMode", "job or task"),
                bad("endpoint not a URL", "koophone:batchReset?endpoint=koophone.example", null, Map.of(IDS, "a1"),
                        "endpoint", "http:// or https://"),
                bad("access key without secret key", "koophone:batchReset?authToken=&accessKey=AK", null, Map.of(IDS, "a1"),
                        "secretKey", "is required"),
                bad("no credentials at all", "koophone:batchReset?authToken=&username=&password=", null, Map.of(IDS, "a1"),
                        "credentials", "set authToken, or accessKey and secretKey"),
                bad("unknown operation in the URI", "koophone:rebootEverything", null, Map.of(), "operation",
                        "must be one of [assignInstance, asyncCommand"),
                bad("instance ids of the wrong type in the body", "koophone:batchQueryStatus", "{\"instance_ids\":{\"id\":\"a1\"}}", Map.of(),
                        "instance_ids", "wrong type"),
                bad("too many ids in a JSON body with splitting off", "koophone:syncCommand?maxBatchSize=0",
                        Map.of("command", "ls", "instance_ids", tooMany), Map.of(), "instance_ids", "at most 100 entries, had 150"),
                bad("fps zero", "koophone:setVideoConfig", String.format(video, "WIFI", "H264", "1000", "0"), Map.of(),
                        "definition_720P.fps", "one of [30, 60], was 0"),
                bad("negative code rate", "koophone:setVideoConfig", String.format(video, "WIFI", "H264", "-100", "30"), Map.of(),
                        "definition_720P.code_rate", "10000"),
                bad("negative connect timeout", "koophone:batchReset?connectTimeout=-1", null, Map.of(IDS, "a1"),
                        "connectTimeout", "at least 1"),
                bad("max retry delay below retry delay", "koophone:batchReset?retryDelay=500&maxRetryDelay=100", null,
                        Map.of(IDS, "a1"), "maxRetryDelay", "at least 500"),
                bad("proxy port out of range", "koophone:batchReset?proxyHost=localhost&proxyPort=70000", null, Map.of(IDS, "a1"),
                        "proxyPort", "between 1 and 65535"));
    }

    private static Arguments bad(String name, String uri, Object body, Map<String, Object> headers, String field, String rule) {
        return Arguments.of(name, uri, body, headers, field, rule);
    }

    /** Sends the row and checks it failed with an IllegalArgumentException naming the field and the rule. */
    static void assertRejected(String name, Throwable failure, String field, String rule) {
        IllegalArgumentException cause = findIllegalArgument(failure);
        assertThat(cause).as("%s: %s", name, failure).isNotNull();
        assertThat(cause.getMessage()).as(name).contains(field).contains(rule);
    }

    /** The exchange's exception, or what sending threw (an endpoint that cannot be created or started). */
    static Throwable failureOf(java.util.function.Supplier<Exchange> send) {
        try {
            return send.get().getException();
        } catch (RuntimeException e) {
            return e;
        }
    }

    static IllegalArgumentException findIllegalArgument(Throwable failure) {
        return Causes.find(failure, IllegalArgumentException.class);
    }
}
