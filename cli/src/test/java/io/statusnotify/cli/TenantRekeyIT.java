package io.statusnotify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static io.statusnotify.cli.TenantSecretsIT.lastValue;
import static io.statusnotify.cli.TenantSecretsIT.opened;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code tenant rekey} against a real broker: old keys and clear text resealed with the current key, unknown keys left alone. */
@ExtendWith(SharedKafka.class)
class TenantRekeyIT {
    private static final String K0 = SecretKeys.generateLine("k0").replaceFirst("=", ":");
    private static final String K1 = SecretKeys.generateLine("k1").replaceFirst("=", ":");
    private static final String K2 = SecretKeys.generateLine("k2").replaceFirst("=", ":");
    private static final String SIGNING = "whsec_" + Base64.getEncoder().encodeToString("rekey-signing-secret!".getBytes());

    @Test
    void rekeyAllResealsOldAndClearSecretsWithTheNewKeyAndLeavesAnUnknownKeyAlone(TestKafka kafka, @TempDir Path dir)
            throws Exception {
        // given acme sealed with k1, globex in clear text, initech sealed with k0 which the CLI does not have
        OpsRun withK1 = OpsRun.on(kafka).with(Map.of("SNS_SECRET_KEYS", K1));
        Path pw = Files.writeString(dir.resolve("pw"), "acme-pw-1");
        Path signing = Files.writeString(dir.resolve("whsec"), SIGNING);
        assertThat(withK1.run("tenant", "put", "acme", "--url", "https://a.example/sns", "--username", "u",
                "--password-file", pw.toString(), "--signing-secret-file", signing.toString()).code()).isZero();
        Path pw2 = Files.writeString(dir.resolve("pw2"), "globex-pw-2");
        assertThat(withK1.run("tenant", "put", "globex", "--url", "https://g.example/sns", "--username", "u",
                "--password-file", pw2.toString(), "--cleartext-password").code()).isZero();
        TenantConfig initech = new TenantConfig(true, "https://i.example/sns", "u", null, null, null, null, null, null, null)
                .withSecrets(new SecretBox(SecretKeys.from(Settings.of(Map.of("SNS_SECRET_KEYS", K0))))
                        .seal("initech", TenantConfig.PASSWORD, "initech-pw-3"), null, null);
        kafka.send(withK1.topics.tenantConfig(), "initech", new String(Json.write(initech), StandardCharsets.UTF_8));
        String topic = withK1.topics.tenantConfig();
        int recordsBefore = kafka.readAll(topic).size();
        Map<String, String> k1AndK2 = Map.of("SNS_SECRET_KEYS", K1 + "," + K2);
        OpsRun withK2 = withK1.with(k1AndK2);

        // when a dry run goes first, nothing is written, and it says what it would do
        OpsRun.Result dry = withK2.run("tenant", "rekey", "--all", "--dry-run");
        assertThat(dry.code()).isEqualTo(1);
        assertThat(dry.out()).contains("acme: would reseal password sealed (key k1) -> sealed (key k2)",
                "globex: would reseal password clear text -> sealed (key k2) (was clear text: now sealed)",
                "Dry run: would rewrite 2 of 3");
        assertThat(kafka.readAll(topic)).hasSize(recordsBefore);

        // when
        OpsRun.Result rekey = withK2.run("tenant", "rekey", "--all");

        // then acme and globex are sealed with k2 and open to the same values; initech is reported and left alone
        assertThat(rekey.code()).isEqualTo(1);
        assertThat(rekey.out()).contains("initech: password: sealed with key 'k0', which is not configured",
                "Rewrote 2 of 3", "1 secret left as it is").doesNotContain("acme-pw-1", "globex-pw-2", SIGNING);
        JsonNode acme = lastValue(kafka, topic, "acme");
        assertThat(acme.path("password").path("keyId").asText()).isEqualTo("k2");
        assertThat(acme.path("signingSecret").path("keyId").asText()).isEqualTo("k2");
        assertThat(opened("acme", "password", acme.path("password"), Map.of("SNS_SECRET_KEYS", K2))).isEqualTo("acme-pw-1");
        assertThat(opened("acme", "signingSecret", acme.path("signingSecret"), Map.of("SNS_SECRET_KEYS", K2))).isEqualTo(SIGNING);
        assertThat(acme.path("serverUrl").asText()).isEqualTo("https://a.example/sns");
        JsonNode globex = lastValue(kafka, topic, "globex");
        assertThat(opened("globex", "password", globex.path("password"), Map.of("SNS_SECRET_KEYS", K2))).isEqualTo("globex-pw-2");
        assertThat(lastValue(kafka, topic, "initech").path("password").path("keyId").asText()).isEqualTo("k0");
        assertThat(kafka.readAll(topic)).hasSize(recordsBefore + 2);

        // and a second run has nothing to do for the resealed ones (JSON for scripts)
        OpsRun.Result again = withK2.run("tenant", "rekey", "acme", "--output", "json");
        assertThat(again.code()).isZero();
        JsonNode json = Json.mapper().readTree(again.out());
        assertThat(json.path("keyId").asText()).isEqualTo("k2");
        assertThat(json.path("rewritten").asInt()).isZero();
        assertThat(json.path("tenants").get(0).path("rewritten").asBoolean()).isFalse();
    }

    @Test
    void rekeyNeedsNameOrAllAndAKey(TestKafka kafka) {
        OpsRun ops = OpsRun.on(kafka);

        OpsRun.Result neither = ops.with(Map.of("SNS_SECRET_KEYS", K1)).run("tenant", "rekey");
        OpsRun.Result noKey = ops.run("tenant", "rekey", "--all");
        OpsRun.Result unknown = ops.with(Map.of("SNS_SECRET_KEYS", K1)).run("tenant", "rekey", "nobody");

        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("give NAME or --all");
        assertThat(noKey.code()).isEqualTo(2);
        assertThat(noKey.err()).contains("no key configured", "SNS_SECRET_KEYS_FILE");
        assertThat(unknown.code()).isEqualTo(3);
    }
}
