package io.github.camelkoophone.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kamelets as built (the class path's, as the jar carries them) name the project's version, which surefire
 * passes as {@code project.version}, and the build's filtering changed nothing else in them: their {{...}}
 * placeholders and ${...} simple expressions are Camel's, not Maven's.
 */
class KameletVersionTest {

    private static final String TOKEN = "@project.version@";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void builtKameletsNameTheProjectVersionAndNothingElseChanged() throws IOException {
        String version = System.getProperty("project.version");
        assertThat(version).as("project.version from surefire").isNotBlank().doesNotContain("@");
        List<Path> sources = kameletSources();
        assertThat(sources).hasSize(4);
        for (Path source : sources) {
            String written = Files.readString(source, StandardCharsets.UTF_8);
            String built = builtKamelet(source.getFileName().toString());
            // a literal version in the sources would go stale at the next release
            assertThat(written).as(source + " names the version by the token").contains(TOKEN);
            assertThat(built).as(source + " as built").isEqualTo(written.replace(TOKEN, version));

            JsonNode kamelet = YAML.readTree(built);
            assertThat(kamelet.at("/metadata/annotations").path("camel.apache.org/catalog.version").asText())
                    .as(source + " catalog.version").isEqualTo(version);
            assertThat(kamelet.at("/spec/dependencies")).extracting(JsonNode::asText)
                    .as(source + " dependencies").contains("mvn:io.github.camelkoophone:camel-koophone:" + version)
                    .filteredOn(dependency -> dependency.startsWith("mvn:")).allMatch(d -> d.endsWith(":" + version));
        }
    }

    private static List<Path> kameletSources() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "kamelets"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
    }

    private static String builtKamelet(String name) throws IOException {
        try (InputStream in = KameletVersionTest.class.getClassLoader().getResourceAsStream("kamelets/" + name)) {
            assertThat(in).as("kamelets/" + name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
