package io.statusnotify.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

    @Test
    void givenMarkersOccurringSeveralTimes_whenFilled_thenEveryOccurrenceIsReplaced() {
        Template template = Template.of("{\"a\":\"AA\",\"b\":BB,\"c\":\"xAAy\"}", "AA", "BB");

        assertThat(template.fill("1", "2")).isEqualTo("{\"a\":\"1\",\"b\":2,\"c\":\"x1y\"}");
    }

    @Test
    void givenAMarkerThatIsMissing_whenBuilt_thenItIsRefused() {
        assertThatThrownBy(() -> Template.of("{}", "AA")).hasMessageContaining("AA");
    }
}
