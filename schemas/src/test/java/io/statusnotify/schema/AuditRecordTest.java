package io.statusnotify.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit record of sns.audit: its golden example round-trips, and it can only name fields, never hold a value. */
class AuditRecordTest {
    private static final String PASSWORD = "Audit-Pw-never-shown-1";

    @Test
    void theGoldenExampleRoundTripsToTheSameJsonInTheSameOrder() throws IOException {
        // given the documented example
        byte[] golden = GoldenSeedExampleTest.resource("audit-record.json");

        // when it is read as the record and written again
        AuditRecord record = new JsonSerde<>(AuditRecord.class).deserializer().deserialize("sns.audit", golden);
        byte[] out = new JsonSerde<>(AuditRecord.class).serializer().serialize("sns.audit", record);

        // then the same keys, values and order come out
        JsonNode expected = Json.mapper().readTree(golden);
        JsonNode actual = Json.mapper().readTree(out);
        assertThat(actual).isEqualTo(expected);
        assertThat(GoldenSeedExampleTest.fieldPaths(actual)).containsExactlyElementsOf(GoldenSeedExampleTest.fieldPaths(expected));
        assertThat(record.key()).isEqualTo("acme");
        assertThat(record.changedFields()).containsExactly("serverUrl", "password");
    }

    @Test
    void givenTheGlobalKeyWhenMadeThenTheTenantIsNullInTheJsonAndTheKeyIsGlobal() {
        AuditRecord record = AuditRecord.of(Instant.parse("2025-11-25T14:00:00.042987Z"), "root", AuditRecord.CLI,
                GlobalSettings.KEY, AuditRecord.GLOBAL_SET, List.of("allowTenantConfig"));

        assertThat(new String(Json.write(record), StandardCharsets.UTF_8)).isEqualTo("{\"at\":\"2025-11-25T14:00:00.042Z\","
                + "\"actor\":\"root\",\"via\":\"cli\",\"tenant\":null,\"action\":\"global-set\",\"changedFields\":[\"allowTenantConfig\"]}");
        assertThat(record.key()).isEqualTo(GlobalSettings.KEY);
    }

    @Test
    void givenAValueInPlaceOfAFieldNameWhenMadeThenItIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> AuditRecord.of(Instant.EPOCH, "alice", AuditRecord.CONSOLE, "acme", AuditRecord.PUT,
                List.of("password", PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audit record: changedFields: must name fields of the config records")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void givenAnUnknownViaActionOrALocalTimeWhenReadThenTheRecordIsRefused() {
        String[] bad = {
                "{\"at\":\"2025-11-25T14:00:00Z\",\"actor\":\"a\",\"via\":\"web\",\"tenant\":\"t\",\"action\":\"put\",\"changedFields\":[]}",
                "{\"at\":\"2025-11-25T14:00:00Z\",\"actor\":\"a\",\"via\":\"cli\",\"tenant\":\"t\",\"action\":\"drop\",\"changedFields\":[]}",
                "{\"at\":\"2025-11-25T14:00:00+01:00\",\"actor\":\"a\",\"via\":\"cli\",\"tenant\":\"t\",\"action\":\"put\",\"changedFields\":[]}",
                "{\"at\":\"2025-11-25T14:00:00Z\",\"actor\":\" \",\"via\":\"cli\",\"tenant\":\"t\",\"action\":\"put\",\"changedFields\":[]}",
                "{\"at\":\"2025-11-25T14:00:00Z\",\"actor\":\"a\",\"via\":\"cli\",\"tenant\":\"t\",\"action\":\"put\",\"changedFields\":[\"enabled\",\"enabled\"]}"};
        for (String json : bad) {
            assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), AuditRecord.class)).as(json)
                    .isInstanceOf(BadRecordException.class);
        }
    }

    @Test
    void givenNoChangeWhenMadeThenTheListIsEmptyNotAbsent() {
        AuditRecord record = AuditRecord.of(Instant.EPOCH, "alice", AuditRecord.CLI, "acme", AuditRecord.ENABLE, List.of());

        assertThat(new String(Json.write(record), StandardCharsets.UTF_8)).endsWith("\"changedFields\":[]}");
    }
}
