package io.statusnotify.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.settings.Settings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented example of a tenant record with sealed secrets (docs/contract.md) reads, opens and round-trips. */
class GoldenTenantConfigTest {
    /** The example's key (base64 of "golden-example-key-32-bytes-long"): for this example only. */
    private static final String EXAMPLE_KEY = "k2:Z29sZGVuLWV4YW1wbGUta2V5LTMyLWJ5dGVzLWxvbmc=";

    private static byte[] golden() throws IOException {
        try (InputStream in = GoldenTenantConfigTest.class.getResourceAsStream("/golden/tenant-config-sealed.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theSealedExampleOpensForTenantAcmeWithItsKey() throws IOException {
        TenantConfig config = ((ConfigEntry.Tenant) ConfigEntry.parse("acme", golden())).config();
        SecretBox box = new SecretBox(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, EXAMPLE_KEY))));

        assertThat(box.open("acme", TenantConfig.PASSWORD, config.password())).isEqualTo("s3cret-Passw0rd");
        assertThat(box.open("acme", TenantConfig.SIGNING_SECRET, config.signingSecret())).startsWith("whsec_");
        assertThat(Json.mapper().readTree(Json.write(config))).isEqualTo(Json.mapper().readTree(golden()));
    }

    @Test
    void theSchemaDescribesTheSealedFormsKeys() throws IOException {
        JsonNode sealedForm;
        try (InputStream in = getClass().getResourceAsStream("/schemas/tenant-config.schema.json")) {
            sealedForm = Json.mapper().readTree(in).at("/$defs/sealed/properties");
        }
        List<String> schemaKeys = new ArrayList<>();
        sealedForm.fieldNames().forEachRemaining(schemaKeys::add);
        List<String> exampleKeys = new ArrayList<>();
        Json.mapper().readTree(golden()).get("password").fieldNames().forEachRemaining(exampleKeys::add);

        assertThat(exampleKeys).containsExactlyElementsOf(schemaKeys);
    }
}
