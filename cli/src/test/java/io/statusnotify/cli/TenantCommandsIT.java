package io.statusnotify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.Json;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.statusnotify.cli.TenantSecretsIT.opened;
import static org.assertj.core.api.Assertions.assertThat;

/** The tenant and global commands against a real broker: what they write, what they show, and what they never show. */
@ExtendWith(SharedKafka.class)
class TenantCommandsIT {
    private static final String PASSWORD = "Sup3r-s3cret-pw";
    private static final String KEY_K1 = SecretKeys.generateLine("k1").replaceFirst("=", ":");
    private static final Map<String, String> KEYS = Map.of("SNS_SECRET_KEYS", KEY_K1);

    private static JsonNode lastValue(TestKafka kafka, String topic, String key) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
        byte[] value = records.get(records.size() - 1).value();
        return value == null ? null : Json.mapper().readTree(value);
    }

    /** The audit topic holds exactly {@code count} records, all of {@code key}, by this OS user through the CLI, no password. */
    private static List<AuditRecord> auditRecords(TestKafka kafka, OpsRun ops, String key, int count) {
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll(ops.topics.audit());
        assertThat(records).hasSize(count).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
        });
        List<AuditRecord> audit = records.stream().map(record -> Json.read(record.value(), AuditRecord.class)).toList();
        assertThat(audit).allSatisfy(record -> {
            assertThat(record.actor()).isEqualTo(System.getProperty("user.name"));
            assertThat(record.via()).isEqualTo("cli");
        });
        return audit;
    }

    @Test
    void putGetListEnableDisableDeleteRoundTripNeverShowsThePassword(TestKafka kafka, @TempDir Path dir) throws Exception {
        // given a key to seal with
        OpsRun ops = OpsRun.on(kafka).with(KEYS);
        Path passwordFile = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");

        // when a tenant is created
        OpsRun.Result put = ops.run("tenant", "put", "acme", "--url", "https://notify.acme.example/sns",
                "--username", "portal", "--password-file", passwordFile.toString(), "--max-in-flight", "8");

        // then it is saved as a record the apps read, the password sealed with k1 (without its trailing newline)
        assertThat(put.code()).as(put.err()).isZero();
        assertThat(put.out()).contains("Created tenant 'acme': saved", "sealed with key k1").doesNotContain(PASSWORD);
        JsonNode record = lastValue(kafka, ops.topics.tenantConfig(), "acme");
        assertThat(record.path("enabled").asBoolean()).isTrue();
        assertThat(record.path("serverUrl").asText()).isEqualTo("https://notify.acme.example/sns");
        assertThat(record.path("password").path("keyId").asText()).isEqualTo("k1");
        assertThat(opened("acme", "password", record.path("password"), KEYS)).isEqualTo(PASSWORD);
        assertThat(record.path("maxInFlight").asInt()).isEqualTo(8);

        // and get shows everything but the password, in text and in JSON
        OpsRun.Result get = ops.run("tenant", "get", "acme");
        assertThat(get.code()).isZero();
        assertThat(get.out()).contains("serverUrl:            https://notify.acme.example/sns", "password:             sealed (key k1)")
                .doesNotContain(PASSWORD);
        OpsRun.Result getJson = ops.run("tenant", "get", "acme", "--output", "json");
        JsonNode shown = Json.mapper().readTree(getJson.out());
        assertThat(shown.path("password").asText()).isEqualTo("sealed (key k1)");
        assertThat(shown.path("username").asText()).isEqualTo("portal");
        assertThat(getJson.out()).doesNotContain(PASSWORD);

        // when only a limit is changed, the other fields are kept
        OpsRun.Result change = ops.run("tenant", "put", "acme", "--max-requests-per-second", "50", "--output", "json");
        assertThat(change.code()).isZero();
        JsonNode changed = Json.mapper().readTree(change.out());
        assertThat(changed.path("created").asBoolean()).isFalse();
        assertThat(changed.path("config").path("password").asText()).isEqualTo("sealed (key k1)");
        assertThat(change.out()).doesNotContain(PASSWORD);
        record = lastValue(kafka, ops.topics.tenantConfig(), "acme");
        assertThat(record.path("serverUrl").asText()).isEqualTo("https://notify.acme.example/sns");
        assertThat(record.path("username").asText()).isEqualTo("portal");
        assertThat(opened("acme", "password", record.path("password"), KEYS)).isEqualTo(PASSWORD);
        assertThat(record.path("maxInFlight").asInt()).isEqualTo(8);
        assertThat(record.path("maxRequestsPerSecond").asDouble()).isEqualTo(50.0);

        // disable and enable change only "enabled"
        assertThat(ops.run("tenant", "disable", "acme").code()).isZero();
        assertThat(lastValue(kafka, ops.topics.tenantConfig(), "acme").path("enabled").asBoolean()).isFalse();
        assertThat(opened("acme", "password", lastValue(kafka, ops.topics.tenantConfig(), "acme").path("password"), KEYS))
                .isEqualTo(PASSWORD);
        assertThat(ops.run("tenant", "enable", "acme").code()).isZero();
        assertThat(lastValue(kafka, ops.topics.tenantConfig(), "acme").path("enabled").asBoolean()).isTrue();

        // list shows it, without the password, in both formats
        OpsRun.Result list = ops.run("tenant", "list");
        assertThat(list.out()).contains("acme", "portal", "sealed (key k1)", "1 tenant").doesNotContain(PASSWORD);
        OpsRun.Result listJson = ops.run("tenant", "list", "--output", "json");
        assertThat(Json.mapper().readTree(listJson.out()).path("tenants").get(0).path("password").asText())
                .isEqualTo("sealed (key k1)");
        assertThat(listJson.out()).doesNotContain(PASSWORD);

        // delete writes a tombstone, after which the tenant is not found
        OpsRun.Result delete = ops.run("tenant", "delete", "acme");
        assertThat(delete.code()).isZero();
        assertThat(lastValue(kafka, ops.topics.tenantConfig(), "acme")).isNull();
        OpsRun.Result gone = ops.run("tenant", "get", "acme");
        assertThat(gone.code()).isEqualTo(3);
        assertThat(gone.err()).hasLineCount(1).contains("no tenant 'acme'");

        // and every change left its audit record (read_committed, as TestKafka reads): who, via, what, which fields
        List<AuditRecord> audit = auditRecords(kafka, ops, "acme", 5);
        assertThat(audit).extracting(AuditRecord::action).containsExactly("put", "put", "disable", "enable", "delete");
        assertThat(audit).extracting(AuditRecord::changedFields).containsExactly(
                List.of("enabled", "serverUrl", "username", "password", "maxInFlight"),
                List.of("maxRequestsPerSecond"),
                List.of("enabled"),
                List.of("enabled"),
                List.of("enabled", "serverUrl", "username", "password", "maxInFlight", "maxRequestsPerSecond"));
        assertThat(audit).extracting(AuditRecord::tenant).containsOnly("acme");
        // and each config record is a committed transactional write: every batch is followed by its commit marker
        assertThat(kafka.readAll(ops.topics.tenantConfig())).extracting(ConsumerRecord::offset)
                .containsExactly(0L, 2L, 4L, 6L, 8L);
    }

    @Test
    void unknownTenantExitsThreeForGetEnableAndDelete(TestKafka kafka) {
        OpsRun ops = OpsRun.on(kafka);

        assertThat(ops.run("tenant", "get", "nobody").code()).isEqualTo(3);
        assertThat(ops.run("tenant", "enable", "nobody").code()).isEqualTo(3);
        assertThat(ops.run("tenant", "delete", "nobody").code()).isEqualTo(3);
    }

    @Test
    void newTenantWithoutUrlIsRefusedAndNothingIsWritten(TestKafka kafka) {
        OpsRun ops = OpsRun.on(kafka);

        OpsRun.Result put = ops.run("tenant", "put", "acme", "--username", "portal");

        assertThat(put.code()).isEqualTo(2);
        assertThat(put.err()).contains("--url: required for a new tenant");
        assertThat(kafka.readAll(ops.topics.tenantConfig())).isEmpty();
    }

    @Test
    void aRecordAnotherToolWroteThatIsNotJsonIsSkippedByListNamingItsKey(TestKafka kafka) throws Exception {
        // given a valid tenant and a record that is not JSON
        OpsRun ops = OpsRun.on(kafka);
        assertThat(ops.run("tenant", "put", "good", "--url", "http://127.0.0.1:8000/sns").code()).isZero();
        kafka.send(ops.topics.tenantConfig(), "broken", "enabled=true; url=http://x " + PASSWORD);

        // when
        OpsRun.Result list = ops.run("tenant", "list");
        OpsRun.Result listJson = ops.run("tenant", "list", "--output", "json");

        // then the good tenant is listed and the bad record named, without its content
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("good").doesNotContain("broken");
        assertThat(list.err()).contains("skipped the record of key 'broken': not valid JSON").doesNotContain(PASSWORD);
        JsonNode json = Json.mapper().readTree(listJson.out());
        assertThat(json.path("tenants")).hasSize(1);
        assertThat(json.path("skipped").get(0).path("key").asText()).isEqualTo("broken");
        assertThat(listJson.out()).doesNotContain(PASSWORD);

        // and put replaces it with a usable record
        assertThat(ops.run("tenant", "put", "broken", "--url", "https://fixed.example/sns").code()).isZero();
        assertThat(ops.run("tenant", "get", "broken").out()).contains("https://fixed.example/sns");
    }

    @Test
    void globalDenyAndAllowWriteTheSwitchAndGetShowsIt(TestKafka kafka) throws Exception {
        OpsRun ops = OpsRun.on(kafka);
        assertThat(ops.run("global", "get").out()).contains("no record");
        kafka.send(ops.topics.tenantConfig(), "__global__", "off please");
        assertThat(ops.run("global", "get").out()).contains("global switch: deny (its record cannot be used");

        assertThat(ops.run("global", "deny").code()).isZero();
        assertThat(lastValue(kafka, ops.topics.tenantConfig(), "__global__").path("allowTenantConfig").asBoolean()).isFalse();
        assertThat(ops.run("global", "get").out()).contains("global switch: deny");
        assertThat(ops.run("tenant", "list").out()).contains("global switch: deny");

        assertThat(ops.run("global", "allow").code()).isZero();
        assertThat(lastValue(kafka, ops.topics.tenantConfig(), "__global__").path("allowTenantConfig").asBoolean()).isTrue();
        JsonNode json = Json.mapper().readTree(ops.run("global", "get", "--output", "json").out());
        assertThat(json.path("allowTenantConfig").asBoolean()).isTrue();

        // each switch left its audit record, of no tenant; the unusable record before it counts as none
        List<AuditRecord> audit = auditRecords(kafka, ops, "__global__", 2);
        assertThat(audit).extracting(AuditRecord::action).containsExactly("global-set", "global-set");
        assertThat(audit).extracting(AuditRecord::changedFields)
                .containsExactly(List.of("allowTenantConfig"), List.of("allowTenantConfig"));
        assertThat(audit).extracting(AuditRecord::tenant).containsOnlyNulls();
    }

    @Test
    void writesGoToTheTopicNamedBySnsTopicTenantConfig(TestKafka kafka) {
        OpsRun ops = OpsRun.on(kafka);

        assertThat(ops.run("tenant", "put", "acme", "--url", "https://notify.acme.example/sns").code()).isZero();

        assertThat(kafka.readAll(ops.topics.tenantConfig())).extracting(ConsumerRecord::key).containsExactly("acme");
        assertThat(new String(kafka.readAll(ops.topics.tenantConfig()).get(0).value(), StandardCharsets.UTF_8))
                .contains("\"enabled\":true");
    }

    @Test
    void aMissingAuditTopicRefusesTheChangeAndWritesNothing(TestKafka kafka) {
        String missing = TestKafka.uniqueName("no-audit");
        OpsRun ops = OpsRun.on(kafka).with(Map.of("SNS_TOPIC_AUDIT", missing));

        OpsRun.Result put = ops.run("tenant", "put", "acme", "--url", "https://notify.acme.example/sns");

        assertThat(put.code()).isEqualTo(1);
        assertThat(put.err()).hasLineCount(1).contains("topic " + missing + " does not exist");
        assertThat(kafka.readAllUncommitted(ops.topics.tenantConfig())).isEmpty();
    }
}
