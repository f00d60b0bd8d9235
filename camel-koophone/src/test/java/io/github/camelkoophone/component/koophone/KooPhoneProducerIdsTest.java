package io.github.camelkoophone.component.koophone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CamelKooPhoneInstanceIds header (or instanceIds option) as the list the request is built from. */
class KooPhoneProducerIdsTest {

    @Test
    void idsArriveTrimmedWhateverTheyCameIn() {
        assertThat(KooPhoneProducer.ids(List.of(" a1", "a2 ", "\ta3\n"), null)).containsExactly("a1", "a2", "a3");
        assertThat(KooPhoneProducer.ids(List.of(" a1", "a2"), null)).containsExactly("a1", "a2");
        assertThat(KooPhoneProducer.ids(new String[] {" a1", "a2"}, null)).containsExactly("a1", "a2");
        assertThat(KooPhoneProducer.ids(Set.of(7), null)).containsExactly("7");
        assertThat(KooPhoneProducer.ids(" a1, a2 ,,a3", null)).containsExactly("a1", "a2", "a3");
        assertThat(KooPhoneProducer.ids(null, "o1,o2")).containsExactly("o1", "o2");
        assertThat(KooPhoneProducer.ids(null, null)).isNull();
        // a blank id stays, for the validator to name it
        assertThat(KooPhoneProducer.ids(List.of("a1", " "), null)).containsExactly("a1", "");
        assertThat(KooPhoneProducer.ids(List.of("a1", ""), null)).containsExactly("a1", "");
    }

    @Test
    void aListThatNeedsNothingIsNotCopiedUnlessTheCallerCanStillChangeIt() {
        List<String> immutable = List.of("a1", "a2");
        assertThat(KooPhoneProducer.ids(immutable, null)).isSameAs(immutable);

        List<String> mutable = new ArrayList<>(immutable);
        List<String> ids = KooPhoneProducer.ids(mutable, null);
        mutable.set(0, "changed");
        assertThat(ids).containsExactly("a1", "a2");
    }
}
