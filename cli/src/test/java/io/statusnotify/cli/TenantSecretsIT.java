package io.statusnotify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.Json;
import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestCertificates;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tenant put} with secrets: sealed with the current key, in clear only when asked, shown only by state. */
@ExtendWith(SharedKafka.class)
class TenantSecretsIT {
    private static final String PASSWORD = "Pw-for-the-secrets-IT";
    private static final String SIGNING = "whsec_" + Base64.getEncoder().encodeToString("sixteen-bytes-or-more!".getBytes());
    private static final Map<String, String> KEYS = Map.of("SNS_SECRET_KEYS", SecretKeys.generateLine("k1").replaceFirst("=", ":"));

    static JsonNode lastValue(TestKafka kafka, String topic, String key) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
        byte[] value = records.get(records.size() - 1).value();
        return value == null ? null : Json.mapper().readTree(value);
    }

    static String opened(String tenant, String field, JsonNode sealed, Map<String, String> keys) throws Exception {
        Secret secret = Json.mapper().treeToValue(sealed, Secret.class);
        return new SecretBox(SecretKeys.from(Settings.of(keys))).open(tenant, field, secret);
    }

    @Test
    void putWithAPasswordButNoKeyIsRefusedNamingTheFixesAndWritesNothing(TestKafka kafka, @TempDir Path dir) throws Exception {
        // given no SNS_SECRET_KEYS*
        OpsRun ops = OpsRun.on(kafka);
        Path pw = Files.writeString(dir.resolve("pw"), PASSWORD);

        // when
        OpsRun.Result put = ops.run("tenant", "put", "acme", "--url", "https://a.example/sns", "--username", "u",
                "--password-file", pw.toString());

        // then
        assertThat(put.code()).isEqualTo(2);
        assertThat(put.err()).hasLineCount(1)
                .contains("statusnotify keys generate", "SNS_SECRET_KEYS_FILE", "--cleartext-password",
                        "SNS_ALLOW_CLEARTEXT_PASSWORDS=true")
                .doesNotContain(PASSWORD);
        assertThat(kafka.readAll(ops.topics.tenantConfig())).isEmpty();
    }

    @Test
    void cleartextPasswordIsStoredInClearOnlyWhenAskedAndShownAsClearText(TestKafka kafka, @TempDir Path dir) throws Exception {
        OpsRun ops = OpsRun.on(kafka);
        Path pw = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");

        OpsRun.Result put = ops.run("tenant", "put", "acme", "--url", "https://a.example/sns", "--username", "u",
                "--password-file", pw.toString(), "--cleartext-password");

        assertThat(put.code()).as(put.err()).isZero();
        assertThat(put.out()).contains("stored in clear text", "SNS_ALLOW_CLEARTEXT_PASSWORDS=true").doesNotContain(PASSWORD);
        assertThat(lastValue(kafka, ops.topics.tenantConfig(), "acme").path("password").asText()).isEqualTo(PASSWORD);
        OpsRun.Result get = ops.run("tenant", "get", "acme", "--output", "json");
        assertThat(Json.mapper().readTree(get.out()).path("password").asText()).isEqualTo("clear text");
        assertThat(get.out()).doesNotContain(PASSWORD);
    }

    @Test
    void tlsMaterialAndSigningSecretAreStoredWithSecretsSealedAndShownOnlyByState(TestKafka kafka, @TempDir Path dir)
            throws Exception {
        // given a CA, a client certificate with its key, and a signing secret in files
        OpsRun ops = OpsRun.on(kafka).with(KEYS);
        TestCertificates ca = TestCertificates.createCa(dir, "tenant-ca");
        TestCertificates.Issued client = ca.issue("portal-client", "dns:portal.example");
        Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.caPem());
        Path certFile = Files.writeString(dir.resolve("client.pem"), client.certificatePem());
        Path keyFile = Files.writeString(dir.resolve("client.key"), client.privateKeyPem());
        Path signingFile = Files.writeString(dir.resolve("acme.whsec"), SIGNING + "\n");

        // when
        OpsRun.Result put = ops.run("tenant", "put", "acme", "--url", "https://a.example/sns", "--ca-file", caFile.toString(),
                "--client-cert-file", certFile.toString(), "--client-key-file", keyFile.toString(),
                "--signing-secret-file", signingFile.toString());

        // then the record carries all of it, the key and the signing secret sealed with k1
        assertThat(put.code()).as(put.err()).isZero();
        JsonNode record = lastValue(kafka, ops.topics.tenantConfig(), "acme");
        assertThat(record.path("caCertificates").asText()).isEqualTo(ca.caPem());
        assertThat(record.path("clientCertificate").asText()).isEqualTo(client.certificatePem());
        assertThat(record.path("clientKey").path("keyId").asText()).isEqualTo("k1");
        assertThat(opened("acme", "clientKey", record.path("clientKey"), KEYS)).isEqualTo(client.privateKeyPem());
        assertThat(opened("acme", "signingSecret", record.path("signingSecret"), KEYS)).isEqualTo(SIGNING);

        // and get shows states, never values
        OpsRun.Result get = ops.run("tenant", "get", "acme", "--output", "json");
        JsonNode shown = Json.mapper().readTree(get.out());
        assertThat(shown.path("caCertificates").asText()).isEqualTo("set");
        assertThat(shown.path("clientKey").asText()).isEqualTo("sealed (key k1)");
        assertThat(shown.path("signingSecret").asText()).isEqualTo("sealed (key k1)");
        assertThat(shown.path("password").asText()).isEqualTo("not set");
        assertThat(get.out() + put.out()).doesNotContain(SIGNING.substring(6), "PRIVATE KEY");

        // when a later put changes something else, every field is kept; --no-* options remove
        assertThat(ops.run("tenant", "put", "acme", "--max-in-flight", "4").code()).isZero();
        JsonNode kept = lastValue(kafka, ops.topics.tenantConfig(), "acme");
        assertThat(kept.path("clientKey")).isEqualTo(record.path("clientKey"));
        assertThat(kept.path("signingSecret")).isEqualTo(record.path("signingSecret"));
        assertThat(kept.path("caCertificates").asText()).isEqualTo(ca.caPem());
        assertThat(ops.run("tenant", "put", "acme", "--no-client-cert", "--no-signing-secret", "--no-ca").code()).isZero();
        JsonNode removed = lastValue(kafka, ops.topics.tenantConfig(), "acme");
        assertThat(removed.has("clientKey") || removed.has("clientCertificate") || removed.has("signingSecret")
                || removed.has("caCertificates")).isFalse();
        assertThat(removed.path("maxInFlight").asInt()).isEqualTo(4);
    }

    @Test
    void aClientKeyWithoutItsCertificateAndABadSigningSecretAreRefusedNamingTheOptions(TestKafka kafka, @TempDir Path dir)
            throws Exception {
        OpsRun ops = OpsRun.on(kafka).with(KEYS);
        TestCertificates.Issued client = TestCertificates.createCa(dir, "ca").issue("c", "dns:c.example");
        Path keyFile = Files.writeString(dir.resolve("client.key"), client.privateKeyPem());
        Path badSigning = Files.writeString(dir.resolve("bad.whsec"), "not-a-whsec-secret");

        OpsRun.Result keyAlone = ops.run("tenant", "put", "acme", "--url", "https://a.example/sns",
                "--client-key-file", keyFile.toString());
        OpsRun.Result signing = ops.run("tenant", "put", "acme", "--url", "https://a.example/sns",
                "--signing-secret-file", badSigning.toString());

        assertThat(keyAlone.code()).isEqualTo(2);
        assertThat(keyAlone.err()).contains("--client-cert-file and --client-key-file: go together").doesNotContain("PRIVATE KEY");
        assertThat(signing.code()).isEqualTo(2);
        assertThat(signing.err()).contains("--signing-secret-file: must be whsec_").doesNotContain("not-a-whsec-secret");
        assertThat(kafka.readAll(ops.topics.tenantConfig())).isEmpty();
    }
}
