package io.github.camelkoophone.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.camelkoophone.component.cloud.call.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraalVM reachability metadata (reflect-config.json) names every class Jackson binds: each class of a
 * {@code model} package but its exceptions, with its constructors, methods and fields, so a native image (Camel Quarkus, Spring Boot
 * AOT) keeps what the requests and results are read and written through. Run with
 * {@code -Dkoophone.native.update=true} to rewrite the file after adding a model class.
 */
class NativeImageMetadataTest {

    static final Path FILE = Path.of("src/main/resources/META-INF/native-image/io.github.camelkoophone/camel-koophone/"
                                     + "reflect-config.json");
    private static final String ROOT = "io.github.camelkoophone.component";
    private static final List<String> ACCESS = List.of("allDeclaredConstructors", "allPublicConstructors",
            "allDeclaredMethods", "allPublicMethods", "allDeclaredFields", "allPublicFields");

    /** The entries the model packages call for, sorted by class name. */
    static ArrayNode expected() {
        List<String> names = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT)) {
            // the exceptions of a model package are thrown, never bound
            if (type.getPackageName().endsWith(".model") && !type.isAnonymousClass()
                && !type.getSimpleName().equals("package-info") && !type.isAssignableTo(Throwable.class)) {
                names.add(type.getName());
            }
        }
        names.sort(null);
        ArrayNode entries = Json.MAPPER.createArrayNode();
        for (String name : names) {
            ObjectNode entry = entries.addObject().put("name", name);
            ACCESS.forEach(access -> entry.put(access, true));
        }
        return entries;
    }

    @Test
    void reflectConfigNamesEveryModelClassWithItsMembers() throws IOException {
        ArrayNode expected = expected();
        if (Boolean.getBoolean("koophone.native.update")) {
            Files.writeString(FILE, Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(expected)
                                    + "\n", StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(FILE)).as(FILE + " (run with -Dkoophone.native.update=true to write it)").isTrue();
        JsonNode committed = Json.MAPPER.readTree(Files.readString(FILE, StandardCharsets.UTF_8));

        assertThat(expected.size()).as("model classes found").isGreaterThan(40);
        assertThat(names(committed)).as("classes in %s (rewrite with -Dkoophone.native.update=true)", FILE)
                .containsExactlyElementsOf(names(expected));
        assertThat(committed).isEqualTo(expected);
    }

    @Test
    void everyNamedClassLoadsSoNoEntryIsStale() throws Exception {
        JsonNode committed = Json.MAPPER.readTree(Files.readString(FILE, StandardCharsets.UTF_8));
        for (JsonNode entry : committed) {
            Class<?> type = Class.forName(entry.path("name").asText(), false, getClass().getClassLoader());
            assertThat(type.getName()).isEqualTo(entry.path("name").asText());
        }
        // the requests are among them: what Jackson writes
        assertThat(names(committed)).contains(ROOT + ".koophone.model.CommandRequest", ROOT + ".cph.model.CphJob");
    }

    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }
}
