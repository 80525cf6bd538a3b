package io.statusnotify.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatTest {

    @Test
    void jsonPrintsOneObjectPerLineWithTheMessageAndItsKeyValues() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogFormat.apply(Settings.of(Map.of("SNS_LOG_FORMAT", "json")));
            LoggerFactory.getLogger("io.statusnotify.test").atWarn().addKeyValue("tenant", "acme")
                    .addKeyValue("status", 503).log("Delivery to tenant {} failed", "acme");
        } finally {
            System.setOut(original);
        }

        String line = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("Delivery to tenant")).findFirst().orElseThrow();
        JsonNode event = new ObjectMapper().readTree(line);
        assertThat(event.path("level").asText()).isEqualTo("WARN");
        assertThat(event.path("loggerName").asText()).isEqualTo("io.statusnotify.test");
        assertThat(event.path("formattedMessage").asText()).isEqualTo("Delivery to tenant acme failed");
        assertThat(event.path("kvpList").toString()).contains("\"tenant\":\"acme\"").contains("\"status\":\"503\"");
        assertThat(event.has("arguments")).isFalse();
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> LogFormat.apply(Settings.of(Map.of("SNS_LOG_FORMAT", "xml"))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SNS_LOG_FORMAT: must be text or json (got 'xml')");
    }
}
