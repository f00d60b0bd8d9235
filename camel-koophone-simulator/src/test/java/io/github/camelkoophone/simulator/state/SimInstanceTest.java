package io.github.camelkoophone.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimInstanceTest {

    @Test
    void copyCarriesEveryFieldAndIsDeep() {
        // Give every field a non-default value through the admin JSON form, so a field missing from copy() shows up.
        ObjectNode json = new SimInstance("id000001").toAdminJson();
        ObjectNode filled = SimJson.object();
        for (Map.Entry<String, JsonNode> f : json.properties()) {
            JsonNode v = f.getValue();
            if (f.getKey().equals("installed_apps")) {
                filled.putArray("installed_apps").add("com.a");
            } else if (f.getKey().equals("video_settings")) {
                filled.putArray("video_settings").addObject().put("network_type", "WIFI");
            } else if (v.isBoolean()) {
                filled.put(f.getKey(), !v.asBoolean());
            } else if (v.isInt()) {
                filled.put(f.getKey(), v.asInt() + 7);
            } else {
                filled.put(f.getKey(), "v-" + f.getKey());
            }
        }
        SimInstance original = SimJson.MAPPER.convertValue(filled, SimInstance.class);
        SimInstance copy = original.copy();
        assertThat(copy.toAdminJson()).isEqualTo(original.toAdminJson()).isEqualTo(filled);

        copy.addInstalledApp("com.b");
        ((ObjectNode) copy.videoSettings().get(0)).put("network_type", "WIRED");
        assertThat(original.installedApps()).containsExactly("com.a");
        assertThat(original.videoSettings().get(0).path("network_type").asText()).isEqualTo("WIFI");
    }

    @Test
    void apiRecordHasOnlyTheDocumentedFields() {
        ObjectNode record = new SimInstance("id000001").assignUser("u").toApiRecord();
        assertThat(record.size()).isEqualTo(SimInstance.API_FIELDS.size());
        assertThat(record.path("assign_status").asInt()).isEqualTo(1);
        assertThat(record.has("installed_apps")).isFalse();
    }
}
