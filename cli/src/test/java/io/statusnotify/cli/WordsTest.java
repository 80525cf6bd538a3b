package io.statusnotify.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void oneIsSingularAndEveryOtherCountIsPlural() {
        assertThat(Words.count(1, "record")).isEqualTo("1 record");
        assertThat(Words.count(2, "record")).isEqualTo("2 records");
        assertThat(Words.count(0, "record")).isEqualTo("0 records");
        assertThat(Words.count(1, "dead letter")).isEqualTo("1 dead letter");
    }

    @Test
    void anIrregularPluralIsGivenAsTheSecondWord() {
        assertThat(Words.count(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Words.count(3, "entry", "entries")).isEqualTo("3 entries");
    }

    @Test
    void oneOrManyPicksTheWordThatAgreesWithTheCount() {
        assertThat(Words.oneOrMany(1, "is", "are")).isEqualTo("is");
        assertThat(Words.oneOrMany(5, "is", "are")).isEqualTo("are");
    }
}
