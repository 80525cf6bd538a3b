package io.statusnotify.cli;

import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code tenant test --save-on-success} saves a sealed config, and {@code tenant test NAME} tests a saved one. */
@ExtendWith(SharedKafka.class)
class TenantTestCommandIT {
    private static final String KEY = SecretKeys.generateLine("k1").substring(3);

    private static int run(Map<String, String> env, StringWriter out, String... args) {
        CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand(), env);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + 2];
        all[0] = "tenant";
        all[1] = "test";
        System.arraycopy(args, 0, all, 2, args.length);
        return commandLine.execute(all);
    }

    @Test
    void aPassingTestSavesTheConfigWithItsPasswordSealedAndTheSavedConfigTestsAgain(TestKafka kafka, @TempDir Path dir)
            throws Exception {
        String topic = TestKafka.uniqueName("tenant-config");
        kafka.createTopic(topic, 1, Map.of("cleanup.policy", "compact"));
        // Saving writes an audit record too, in the same transaction.
        String audit = TestKafka.uniqueName("audit");
        kafka.createTopic(audit, 1, Map.of());
        Map<String, String> env = Map.of("SNS_TOPIC_TENANT_CONFIG", topic, "SNS_TOPIC_AUDIT", audit,
                "SNS_SECRET_KEYS", "k1:" + KEY);
        Path password = Files.writeString(dir.resolve("pw"), "pa55-w0rd-x\n");
        try (RecordingReceiver receiver = RecordingReceiver.start()) {
            StringWriter first = new StringWriter();
            int saved = run(env, first, "acme", "--url", receiver.url("/sns"), "--username", "portal",
                    "--password-file", password.toString(), "--save-on-success", "--bootstrap-server", kafka.bootstrapServers());

            assertThat(saved).as(first.toString()).isZero();
            assertThat(first.toString()).contains("Saved the config of tenant acme to " + topic + "; password sealed with key k1.");
            // Committed, but a read_committed reader sees it once the transaction's markers are in: a moment later.
            byte[] value = await().atMost(Duration.ofSeconds(30)).until(
                    () -> LatestConfigRecord.valueOf(kafka.bootstrapServers(), topic, "acme", Duration.ofSeconds(30)),
                    java.util.Objects::nonNull);
            assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain("pa55-w0rd-x").contains("\"sealed\":\"v1\"");
            TenantConfig config = ((ConfigEntry.Tenant) ConfigEntry.parse("acme", value)).config();
            assertThat(config.password()).isInstanceOf(Secret.Sealed.class);
            assertThat(new SecretBox(SecretKeys.from(Settings.of(env))).open("acme", TenantConfig.PASSWORD, config.password()))
                    .isEqualTo("pa55-w0rd-x");
            assertThat(kafka.readAll(audit)).singleElement().satisfies(record -> assertThat(
                    Json.read(record.value(), AuditRecord.class).changedFields())
                    .containsExactly("enabled", "serverUrl", "username", "password"));

            StringWriter second = new StringWriter();
            int tested = run(env, second, "acme", "--bootstrap-server", kafka.bootstrapServers());

            assertThat(tested).as(second.toString()).isZero();
            assertThat(second.toString()).startsWith("PASSED acme: HTTP 204");
            List<RecordingReceiver.Received> requests = receiver.requests();
            assertThat(requests).hasSize(2).allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("portal:pa55-w0rd-x".getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void aTenantWithoutSavedConfigExitsThreeNamingIt(TestKafka kafka) {
        String topic = TestKafka.uniqueName("tenant-config");
        kafka.createTopic(topic, 1, Map.of("cleanup.policy", "compact"));
        StringWriter out = new StringWriter();

        int code = run(Map.of("SNS_TOPIC_TENANT_CONFIG", topic), out, "nobody", "--bootstrap-server", kafka.bootstrapServers());

        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).contains("no tenant 'nobody' on " + topic);
    }
}
