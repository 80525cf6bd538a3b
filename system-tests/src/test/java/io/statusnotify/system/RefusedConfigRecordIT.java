package io.statusnotify.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.statusnotify.schema.SafeText;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.BadTenantRecords;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: a config record that breaks a rule of TenantConfigRules, written straight to the topic by a plain
 * producer (another tool), is refused by both apps: the streams app makes no notification of that tenant's events,
 * the sink sends nothing for a notification of it, each says so in one warning naming the tenant and the rule and
 * counts it, while a good tenant in the same run gets its notifications. One broker, one pipeline, for every rule.
 */
@ExtendWith(SharedKafka.class)
class RefusedConfigRecordIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String GOOD = "good";
    private static final String KEY = SecretKeys.generateLine("k1").substring(3);
    private static final String INVALID = "invalid-tenant-config";
    private static RecordingReceiver receiver;
    private static PipelineEnv env;
    private static Pipeline pipeline;
    private static PortalProducer producer;
    private static int goodEvents;
    private static int caseNumber;

    @BeforeAll
    static void start(TestKafka kafka) {
        receiver = RecordingReceiver.start();
        env = PipelineEnv.fresh(kafka, "refused-config").with(SecretKeys.KEYS, "k1:" + KEY).provisionTopics();
        producer = new PortalProducer(kafka.bootstrapServers());
        producer.send(env.topics().tenantConfig(), GOOD, BadTenantRecords.good(receiver.url("/hooks/" + GOOD)).toString());
        pipeline = Pipeline.start(env);
    }

    @AfterAll
    static void stop() throws IOException {
        if (pipeline != null) pipeline.close();
        if (producer != null) producer.close();
        if (receiver != null) receiver.close();
        assertThat(log()).doesNotContain(BadTenantRecords.PASSWORD).doesNotContain("X-Injected");
    }

    static List<BadTenantRecords.Case> cases() {
        return BadTenantRecords.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothAppsRefuseARecordBreakingARuleAndServeTheOtherTenants(BadTenantRecords.Case bad) throws IOException {
        // given a tenant whose config record, written by another tool, breaks one rule
        String tenant = bad.key().apply("bad" + (++caseNumber));
        String path = "/hooks/case-" + caseNumber;
        double streamsDropped = count("sns.streams.events.dropped", "reason", INVALID);
        double sinkDropped = count("sns.sink.dropped", "reason", INVALID);
        double streamsRefused = count("sns.streams.config.refused", "rule", bad.rule());
        double sinkRefused = count("sns.sink.config.refused", "rule", bad.rule());
        producer.send(env.topics().tenantConfig(), tenant, bad.value().apply(receiver.url(path)));
        await("both apps refused the record").atMost(TIMEOUT).until(() ->
                count("sns.streams.config.refused", "rule", bad.rule()) == streamsRefused + 1
                        && count("sns.sink.config.refused", "rule", bad.rule()) == sinkRefused + 1);

        // when the tenant's user changes status (and a notification of it reaches the sink anyway), as does a good one's
        producer.send(env.topics().userStatus(), Events.key(tenant, "m1"), Events.statusOf(tenant, "m1", "Online"));
        producer.send(env.topics().notifications(), Events.key(tenant, "m1"), notificationOf(tenant));
        goodEvents++;
        producer.send(env.topics().userStatus(), Events.key(GOOD, "m" + goodEvents), Events.statusOf(GOOD, "m" + goodEvents, "Online"));

        // then the good tenant is served, the bad one's event makes no notification and its notification is not sent
        await("the good tenant's notification").atMost(TIMEOUT).until(() -> receiver.requestsTo("/hooks/" + GOOD).size() == goodEvents);
        await("the streams app dropped the event").atMost(TIMEOUT)
                .until(() -> count("sns.streams.events.dropped", "reason", INVALID) == streamsDropped + 1);
        await("the sink dropped the notification").atMost(TIMEOUT)
                .until(() -> count("sns.sink.dropped", "reason", INVALID) == sinkDropped + 1);
        assertThat(receiver.requestsTo(path)).as("requests for the refused tenant").isEmpty();
        // and each app said so once, naming the tenant and the rule
        String warning = "Refused the config record of tenant '" + SafeText.key(tenant) + "', rule " + bad.rule() + " broken";
        assertThat(warnings("TenantConfigUpdater", warning)).as("the streams app's warnings").isEqualTo(1);
        assertThat(warnings("TenantConfigView", warning)).as("the sink's warnings").isEqualTo(1);
    }

    @Test
    void aSealedPasswordThatOpensToTooLongATextIsRefusedByTheSinkWhichHoldsTheKey() throws IOException {
        // given a sealed password of 1,025 characters: its size fits the sealed bound, only its clear text breaks the rule
        String tenant = "sealed-too-long";
        String path = "/hooks/" + tenant;
        SecretBox box = new SecretBox(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k1:" + KEY))));
        ObjectNode record = BadTenantRecords.good(receiver.url(path));
        record.set("password", SeedNotification.read(new String(io.statusnotify.schema.Json.write(
                box.seal(tenant, TenantConfig.PASSWORD, "p".repeat(1025))), StandardCharsets.UTF_8)));
        double sinkRefused = count("sns.sink.config.refused", "rule", "password.length");
        double streamsRefused = count("sns.streams.config.refused", "rule", "password.length");
        double sinkDropped = count("sns.sink.dropped", "reason", INVALID);
        producer.send(env.topics().tenantConfig(), tenant, record.toString());
        await("the sink refused the record").atMost(TIMEOUT)
                .until(() -> count("sns.sink.config.refused", "rule", "password.length") == sinkRefused + 1);

        // when the tenant's user changes status
        producer.send(env.topics().userStatus(), Events.key(tenant, "m1"), Events.statusOf(tenant, "m1", "Online"));

        // then the streams app, which has no key, makes the notification, and the sink does not send it
        await("the sink dropped the notification").atMost(TIMEOUT)
                .until(() -> count("sns.sink.dropped", "reason", INVALID) == sinkDropped + 1);
        assertThat(receiver.requestsTo(path)).isEmpty();
        assertThat(count("sns.streams.config.refused", "rule", "password.length")).isEqualTo(streamsRefused);
        assertThat(warnings("TenantConfigView", "Refused the config record of tenant '" + tenant
                + "', rule password.length broken: password.length: must be at most 1024 characters, was 1025")).isEqualTo(1);
    }

    /** The seed's notification of {@code tenant}'s user, as a streams app that missed the rule would have written it. */
    private static String notificationOf(String tenant) {
        ObjectNode notification = (ObjectNode) SeedNotification.read(Events.resource("/golden/seed-notification.json"));
        ((ObjectNode) notification.at("/userStatusNotification/user")).put("tenantName", tenant).put("memberID", "m1");
        return notification.toString();
    }

    private static double count(String meter, String tag, String value) {
        return pipeline.meters().find(meter).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long warnings(String logger, String text) throws IOException {
        return log().lines().filter(line -> line.contains(" WARN ") && line.contains(logger + " - ") && line.contains(text)).count();
    }

    private static String log() throws IOException {
        return Files.readString(Path.of(System.getProperty("system.test.log", "target/system-test.log")), StandardCharsets.UTF_8);
    }
}
