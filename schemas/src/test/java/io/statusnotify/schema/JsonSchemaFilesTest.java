package io.statusnotify.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.secrets.Secret;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema files and the records must describe the same keys. */
class JsonSchemaFilesTest {

    static JsonNode schema(String name) throws IOException {
        try (InputStream in = JsonSchemaFilesTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everySchemaIsDraft202012() throws IOException {
        for (String name : List.of("user-status-event.schema.json", "notification.schema.json",
                "tenant-config.schema.json", "global-settings.schema.json", "delivery-receipt.schema.json",
                "audit-record.schema.json")) {
            assertThat(schema(name).get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void notificationSchemaHasTheSeedExampleKeysPerObject() throws IOException {
        JsonNode defs = schema("notification.schema.json").get("$defs");
        JsonNode seed = Json.mapper().readTree(GoldenSeedExampleTest.resource("seed-notification.json"));
        JsonNode body = seed.get("userStatusNotification");
        body.fieldNames().forEachRemaining(object ->
                assertThat(names(defs.get(object).get("properties"))).as(object)
                        .containsExactlyElementsOf(names(body.get(object))));
        assertThat(names(schema("notification.schema.json").get("properties"))).containsExactlyElementsOf(names(seed));
    }

    @Test
    void tenantSchemaMatchesTheRecord() throws IOException {
        JsonNode record = Json.mapper().valueToTree(new TenantConfig(true, "https://x.example/", "u", Secret.clear("p"), 8, 50.0,
                "-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE-----", Secret.clear("k"), Secret.clear("whsec_AAAA")));
        assertThat(names(schema("tenant-config.schema.json").get("properties"))).containsExactlyElementsOf(names(record));
    }

    @Test
    void auditSchemaMatchesTheRecordItsValuesAndTheFieldNamesItMayName() throws IOException {
        JsonNode schema = schema("audit-record.schema.json");
        JsonNode record = Json.mapper().valueToTree(AuditRecord.of(java.time.Instant.EPOCH, "alice", AuditRecord.CLI,
                GlobalSettings.KEY, AuditRecord.GLOBAL_SET, List.of("allowTenantConfig")));

        assertThat(names(schema.get("properties"))).containsExactlyElementsOf(names(record));
        assertThat(names(schema.get("properties"))).containsExactlyElementsOf(values(schema.get("required")));
        assertThat(values(schema.at("/properties/via/enum"))).containsExactlyElementsOf(AuditRecord.VIAS);
        assertThat(values(schema.at("/properties/action/enum"))).containsExactlyElementsOf(AuditRecord.ACTIONS);
        assertThat(values(schema.at("/properties/changedFields/items/enum"))).containsExactlyElementsOf(AuditRecord.FIELD_NAMES);
        assertThat(schema.at("/properties/actor/maxLength").asInt()).isEqualTo(AuditRecord.MAX_ACTOR_LENGTH);
    }

    @Test
    void theFieldNamesAnAuditRecordMayNameAreThoseOfTheConfigSchemas() throws IOException {
        List<String> configFields = new ArrayList<>(names(schema("tenant-config.schema.json").get("properties")));
        configFields.addAll(names(schema("global-settings.schema.json").get("properties")));

        assertThat(AuditRecord.FIELD_NAMES).containsExactlyElementsOf(configFields);
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
