package io.statusnotify.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Violation;
import io.statusnotify.secrets.SecretKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema of the tenant config says the same limits as {@link TenantConfigRules}: the same maxLength and
 * pattern, and (for values the schema can judge) the same verdict. What a schema cannot say (that certificates
 * parse, a host after a port, the key's PEM markers) only the rule set checks.
 */
class TenantConfigSchemaTest {
    private static JsonNode properties;
    private static JsonNode sealed;

    @BeforeAll
    static void readSchema() throws IOException {
        JsonNode schema = JsonSchemaFilesTest.schema("tenant-config.schema.json");
        properties = schema.get("properties");
        sealed = schema.at("/$defs/sealed/properties");
    }

    /** The schema of a field's clear value (a secret's string form). */
    private static JsonNode clear(String field) {
        JsonNode node = properties.get(field);
        return node.has("oneOf") ? node.get("oneOf").get(0) : node;
    }

    private static int sealedDataMaxLength(String field) {
        return properties.get(field).at("/oneOf/1/allOf/1/properties/data/maxLength").asInt();
    }

    @Test
    void maxLengthsAreTheRuleSetsLimits() {
        assertThat(clear("serverUrl").get("maxLength").asInt()).isEqualTo(TenantConfigRules.MAX_URL_LENGTH);
        assertThat(clear("username").get("maxLength").asInt()).isEqualTo(TenantConfigRules.MAX_USERNAME_LENGTH);
        assertThat(clear("password").get("maxLength").asInt()).isEqualTo(TenantConfigRules.MAX_PASSWORD_LENGTH);
        assertThat(clear("password").get("minLength").asInt()).isEqualTo(1);
        assertThat(clear("caCertificates").get("maxLength").asInt()).isEqualTo(TenantMaterialRules.MAX_PEM_LENGTH);
        assertThat(clear("clientCertificate").get("maxLength").asInt()).isEqualTo(TenantMaterialRules.MAX_PEM_LENGTH);
        assertThat(clear("clientKey").get("maxLength").asInt()).isEqualTo(TenantMaterialRules.MAX_CLIENT_KEY_LENGTH);
        assertThat(clear("signingSecret").get("maxLength").asInt()).isEqualTo(TenantMaterialRules.MAX_SIGNING_SECRET_LENGTH);
        assertThat(properties.at("/maxInFlight/maximum").asInt()).isEqualTo(TenantConfig.MAX_IN_FLIGHT_LIMIT);
        assertThat(properties.at("/maxRequestsPerSecond/maximum").asDouble()).isEqualTo(TenantConfig.MAX_REQUESTS_PER_SECOND_LIMIT);
    }

    @Test
    void patternsAreTheRuleSetsPatterns() {
        assertThat(clear("serverUrl").get("pattern").asText()).isEqualTo(TenantConfigRules.SERVER_URL_PATTERN);
        assertThat(clear("username").get("pattern").asText()).isEqualTo(TenantConfigRules.USERNAME_PATTERN);
        assertThat(clear("password").get("pattern").asText()).isEqualTo(TenantConfigRules.PASSWORD_PATTERN);
        for (String pem : List.of("caCertificates", "clientCertificate", "clientKey")) {
            assertThat(clear(pem).get("pattern").asText()).as(pem).isEqualTo(TenantMaterialRules.PEM_PATTERN);
        }
        assertThat(clear("signingSecret").get("pattern").asText()).isEqualTo(TenantMaterialRules.SIGNING_SECRET_PATTERN);
        assertThat(sealed.at("/keyId/pattern").asText()).isEqualTo("^" + SecretKeys.KEY_ID_PATTERN + "$");
    }

    @Test
    void aSealedSecretsDataIsBoundAsTheRuleSetBindsIt() {
        for (Field field : List.of(Field.PASSWORD, Field.CLIENT_KEY, Field.SIGNING_SECRET)) {
            int maxBytes = SecretRules.maxClearBytes(field) + 16;
            assertThat(sealedDataMaxLength(field.recordName())).as(field.recordName()).isEqualTo(4 * ((maxBytes + 2) / 3));
        }
        assertThat(sealed.at("/data/minLength").asInt()).as("base64 of the 16-byte tag").isEqualTo(24);
        assertThat(sealed.at("/nonce/pattern").asText()).as("base64 of 12 bytes").isEqualTo("^[A-Za-z0-9+/]{16}$");
    }

    @Test
    void theSchemaAndTheRulesJudgeUrlsAlike() {
        agree("serverUrl", TenantConfigRules::serverUrl, List.of("https://notify.acme.example:8443/sns?x=1", "HTTP://h/",
                        "http://[::1]:8080/hook", "https://h.example/users/a@b"),
                List.of("ftp://h/x", "/relative", "http:///sns", "https://u:pw@h/x", "https://h/x#top", "https://h/a b",
                        "https://h/a\r\nb", "https://h/" + "a".repeat(2048)));
    }

    @Test
    void theSchemaAndTheRulesJudgeCredentialsAlike() {
        agree("username", TenantConfigRules::username, List.of("portal", "p\u00f6rtal", ""),
                List.of("a:b", "portal\r\nX: 1", "tab\tbed", "u".repeat(257), "del\u007f", "c1\u0085"));
        agree("password", TenantConfigRules::password, List.of("p:w", "\u00e9".repeat(1024), "\uD83D\uDD11".repeat(1024)),
                List.of("", "pw\r\n", "nul\u0000", "p".repeat(1025), "\uD83D\uDD11".repeat(1025)));
        agree("signingSecret", TenantMaterialRules::signingSecret, List.of("whsec_" + "A".repeat(32), "whsec_" + "A".repeat(22) + "=="),
                List.of("secret", "whsec_" + "A".repeat(4091), "whsec_not base64"));
    }

    private static boolean matchesToTheEnd(Pattern pattern, String value) {
        java.util.regex.Matcher matcher = pattern.matcher(value);
        return matcher.find() && matcher.end() == value.length();
    }

    /** Each good value passes both the schema's pattern and maxLength and the rule set; each bad one fails both. */
    private static void agree(String field, Function<String, Optional<Violation>> rule, List<String> good, List<String> bad) {
        JsonNode schema = clear(field);
        Pattern pattern = Pattern.compile(schema.get("pattern").asText());
        int maxLength = schema.get("maxLength").asInt();
        int minLength = schema.path("minLength").asInt(0);
        // As ECMA-262 (JSON Schema's regex dialect) reads '$': at the very end, never before a final line break.
        Function<String, Boolean> schemaAccepts = value -> matchesToTheEnd(pattern, value)
                && TenantConfigRules.length(value) <= maxLength && TenantConfigRules.length(value) >= minLength;
        for (String value : good) {
            assertThat(rule.apply(value)).as("%s: rules on a good value", field).isEmpty();
            assertThat(schemaAccepts.apply(value)).as("%s: schema on a good value", field).isTrue();
        }
        for (String value : bad) {
            assertThat(rule.apply(value)).as("%s: rules on a bad value", field).isPresent();
            assertThat(schemaAccepts.apply(value)).as("%s: schema on a bad value", field).isFalse();
        }
    }
}
