package io.github.camelkoophone.component.koophone.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails the build when the generated sections of docs/koophone-component.md differ from what the code says.
 * Regenerate with {@code ./mvnw -pl camel-koophone verify -Dkoophone.docs.update=true}.
 */
class ComponentDocsTest {

    static final Path DOC = Path.of("..", "docs", "koophone-component.md");

    @Test
    void generatedSectionsAreUpToDate() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String regenerated = regenerate(doc, new ComponentDocs().sections());
        if (Boolean.getBoolean("koophone.docs.update")) {
            Files.writeString(DOC, regenerated, StandardCharsets.UTF_8);
            doc = regenerated;
        }
        assertThat(doc).as("docs/koophone-component.md is out of date with the component: regenerate it with "
                           + "./mvnw -pl camel-koophone -am verify -Dkoophone.docs.update=true").isEqualTo(regenerated);
    }

    static String regenerate(String doc, Map<String, String> sections) {
        String result = doc;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            Pattern marked = Pattern.compile("(<!-- generated:" + section.getKey() + " -->\n)(.*?)(<!-- end:" + section.getKey() + " -->)",
                    Pattern.DOTALL);
            Matcher matcher = marked.matcher(result);
            assertThat(matcher.find()).as("marker <!-- generated:%s --> in %s", section.getKey(), DOC).isTrue();
            result = matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + section.getValue() + matcher.group(3)));
        }
        return result;
    }
}
