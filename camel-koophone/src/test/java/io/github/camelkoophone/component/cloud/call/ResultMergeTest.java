package io.github.camelkoophone.component.cloud.call;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultMergeTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    @Test
    void listsConcatenateInOrderAndScalarsKeepTheFirst() throws Exception {
        ObjectNode merged = ResultMerge.merge(List.of(
                json("{\"task_id\":\"t1\",\"cmd_jobs\":[{\"job_id\":\"j1\"}]}"),
                json("{\"task_id\":\"t2\",\"cmd_jobs\":[{\"job_id\":\"j2\"},{\"job_id\":\"j3\"}]}")));
        assertThat(merged.path("task_id").asText()).isEqualTo("t1");
        assertThat(merged.path("cmd_jobs")).extracting(node -> node.path("job_id").asText()).containsExactly("j1", "j2", "j3");
    }

    @Test
    void nestedObjectsMergeAndMissingFieldsAreTaken() throws Exception {
        ObjectNode merged = ResultMerge.merge(List.of(
                json("{\"a\":{\"x\":[1]},\"b\":null}"),
                json("{\"a\":{\"x\":[2],\"y\":3},\"b\":4,\"c\":5}")));
        assertThat(merged.toString()).isEqualTo("{\"a\":{\"x\":[1,2],\"y\":3},\"b\":4,\"c\":5}");
    }

    @Test
    void inputsAreNotModified() throws Exception {
        ObjectNode first = json("{\"l\":[1]}");
        ResultMerge.merge(List.of(first, json("{\"l\":[2]}")));
        assertThat(first.toString()).isEqualTo("{\"l\":[1]}");
    }
}
