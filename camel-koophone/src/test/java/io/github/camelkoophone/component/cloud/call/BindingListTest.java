package io.github.camelkoophone.component.cloud.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CamelKooPhoneInstanceIds header (or instanceIds option) as the list the request is built from. */
class BindingListTest {

    /** A list input as the header (any shape) or, without one, the option's comma-separated text. */
    private static List<String> ids(Object header, String option) {
        Map<String, Object> headers = new HashMap<>();
        if (header != null) {
            headers.put("Ids", header);
        }
        Input.Source source = new Input.Source() {
            @Override
            public Object header(String name) {
                return headers.get(name);
            }

            @Override
            public String headerText(String name) {
                return null;
            }

            @Override
            public Object option(String name) {
                return option;
            }
        };
        return Binding.list(source, Input.of("Ids", "ids"));
    }


    @Test
    void idsArriveTrimmedWhateverTheyCameIn() {
        assertThat(ids(List.of(" a1", "a2 ", "\ta3\n"), null)).containsExactly("a1", "a2", "a3");
        assertThat(ids(List.of(" a1", "a2"), null)).containsExactly("a1", "a2");
        assertThat(ids(new String[] {" a1", "a2"}, null)).containsExactly("a1", "a2");
        assertThat(ids(Set.of(7), null)).containsExactly("7");
        assertThat(ids(" a1, a2 ,,a3", null)).containsExactly("a1", "a2", "a3");
        assertThat(ids(null, "o1,o2")).containsExactly("o1", "o2");
        assertThat(ids(null, null)).isNull();
        // a blank id stays, for the validator to name it
        assertThat(ids(List.of("a1", " "), null)).containsExactly("a1", "");
        assertThat(ids(List.of("a1", ""), null)).containsExactly("a1", "");
    }

    @Test
    void aListThatNeedsNothingIsNotCopiedUnlessTheCallerCanStillChangeIt() {
        List<String> immutable = List.of("a1", "a2");
        assertThat(ids(immutable, null)).isSameAs(immutable);

        List<String> mutable = new ArrayList<>(immutable);
        List<String> ids = ids(mutable, null);
        mutable.set(0, "changed");
        assertThat(ids).containsExactly("a1", "a2");
    }
}
