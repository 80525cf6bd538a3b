package io.statusnotify.sink.kafka;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DeadLetterTest {

    private static Map<String, String> asMap(DeadLetter letter) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : letter.headers()) map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        return map;
    }

    @Test
    void carriesEveryFactAboutTheFailureAsHeaders() {
        DeadLetter letter = new DeadLetter("acme", DeadLetter.HTTP_STATUS, 400, "HTTP 400 Bad Request", 1,
                1_000L, 1_050L, "sns.notifications", 3, 42L);

        assertThat(asMap(letter)).containsExactly(
                entry("sns.tenant", "acme"),
                entry("sns.error.reason", "http-status"),
                entry("sns.error.status", "400"),
                entry("sns.error.message", "HTTP 400 Bad Request"),
                entry("sns.attempts", "1"),
                entry("sns.first.attempt.at", "1000"),
                entry("sns.last.attempt.at", "1050"),
                entry("sns.source.topic", "sns.notifications"),
                entry("sns.source.partition", "3"),
                entry("sns.source.offset", "42"));
    }

    @Test
    void leavesOutWhatIsUnknown() {
        DeadLetter letter = new DeadLetter(null, DeadLetter.MALFORMED, null, "not-json: x", 0, null, null,
                "t", 0, 7L);

        assertThat(asMap(letter)).doesNotContainKeys("sns.tenant", "sns.error.status", "sns.first.attempt.at",
                "sns.last.attempt.at").containsEntry("sns.attempts", "0").containsEntry("sns.error.reason", "malformed");
    }
}
