package io.statusnotify.system;

import io.micrometer.core.instrument.Counter;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.statusnotify.system.ReceiverWaits.DELIVERY_TIMEOUT;
import static io.statusnotify.system.ReceiverWaits.awaitExactlyOne;
import static io.statusnotify.system.ReceiverWaits.awaitRequests;
import static io.statusnotify.testing.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How the whole pipeline behaves when receivers, tenants or events are not as they should be. */
@ExtendWith(SharedKafka.class)
class DeliveryFaultsIT {
    private static final String USERNAME = "hook-user";
    private static final String PASSWORD = "hook-password-for-tests";

    private TestKafka kafka;
    private RecordingReceiver receiver;
    private PortalProducer portal;

    @BeforeEach
    void setUp(TestKafka kafka) {
        this.kafka = kafka;
        this.receiver = RecordingReceiver.start();
        this.portal = new PortalProducer(kafka.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        portal.close();
        receiver.close();
    }

    @Test
    void notificationsWaitForAReceiverThatIsDownAndArriveInPerUserOrderWhenItComesBack() {
        PipelineEnv env = PipelineEnv.fresh(kafka, "receiver-down").provisionTopics();
        configure(env, "acme", TenantConfigs.enabled(receiver.url("/hooks/acme"), USERNAME, PASSWORD));
        try (Pipeline pipeline = Pipeline.start(env)) {
            // given the receiver is down
            receiver.stop();

            // when events of three users arrive and are turned into notifications
            Map<String, List<Long>> expected = new LinkedHashMap<>();
            String[] states = {"Online", "Ringing", "RingAccepted", "Busy", "Online", "Offline"};
            for (String state : states) {
                for (String member : List.of("1", "2", "3")) {
                    String key = Events.key("acme", member);
                    long seq = portal.send(env.topics().userStatus(), key, Events.statusOf("acme", member, state));
                    expected.computeIfAbsent(key, k -> new ArrayList<>()).add(seq);
                }
            }
            int total = states.length * 3;
            kafka.awaitRecords(env.topics().notifications(), total, DELIVERY_TIMEOUT);
            await("the sink tried and failed to reach the receiver").atMost(DELIVERY_TIMEOUT)
                    .until(() -> failedAttempts(pipeline, "acme") > 0);
            assertThat(receiver.requests()).as("nothing can arrive while the receiver is down").isEmpty();

            // and the receiver comes back
            receiver.restart();

            // then every notification arrives, each user's in order, and none was dead-lettered
            await("all notifications delivered").atMost(DELIVERY_TIMEOUT)
                    .until(() -> Deliveries.of(receiver.requestsTo("/hooks/acme")).sequenceNums().size() == total);
            assertThat(Deliveries.of(receiver.requests()).firstDeliveriesByUser()).isEqualTo(expected);
            assertThat(kafka.readAll(env.topics().notificationsDlq())).isEmpty();
        }
    }

    @Test
    void aNotificationAnswered400IsDeadLetteredWithHeadersWhileOtherTenantsKeepGettingTheirs() {
        PipelineEnv env = PipelineEnv.fresh(kafka, "rejected").provisionTopics();
        configure(env, "acme", TenantConfigs.enabled(receiver.url("/hooks/acme"), USERNAME, PASSWORD));
        configure(env, "globex", TenantConfigs.enabled(receiver.url("/hooks/globex"), USERNAME, PASSWORD));
        // given acme's server rejects what it gets, globex's accepts
        receiver.respondWith(r -> Reply.status(r.path().equals("/hooks/acme") ? 400 : 204));
        try (Pipeline ignored = Pipeline.start(env)) {
            // when both tenants' users change status
            String acmeKey = Events.key("acme", "7");
            portal.send(env.topics().userStatus(), acmeKey, Events.statusOf("acme", "7", "Online"));
            List<Long> globex = new ArrayList<>();
            for (String state : List.of("Online", "Busy", "Online", "Offline")) {
                globex.add(portal.send(env.topics().userStatus(), Events.key("globex", "8"),
                        Events.statusOf("globex", "8", state)));
            }

            // then acme's notification is on the notifications DLQ, original key and bytes, with the reasons
            ConsumerRecord<String, byte[]> dead = kafka.awaitRecords(env.topics().notificationsDlq(), 1, DELIVERY_TIMEOUT).get(0);
            ConsumerRecord<String, byte[]> original = kafka.readAll(env.topics().notifications()).stream()
                    .filter(r -> r.key().equals(acmeKey)).findFirst().orElseThrow();
            assertThat(dead.key()).isEqualTo(acmeKey);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(original.value(), StandardCharsets.UTF_8));
            assertThat(header(dead, "sns.tenant")).isEqualTo("acme");
            assertThat(header(dead, "sns.error.reason")).isEqualTo("http-status");
            assertThat(header(dead, "sns.error.status")).isEqualTo("400");
            assertThat(header(dead, "sns.attempts")).as("a 400 is not retried").isEqualTo("1");
            // and globex got all of its notifications, in order, while acme's failed
            await("globex delivered").atMost(DELIVERY_TIMEOUT)
                    .until(() -> receiver.requestsTo("/hooks/globex").size() >= globex.size());
            assertThat(Deliveries.of(receiver.requestsTo("/hooks/globex")).firstDeliveriesByUser())
                    .containsExactlyEntriesOf(Map.of(Events.key("globex", "8"), globex));
            assertThat(receiver.requestsTo("/hooks/acme")).hasSize(1);
        }
    }

    @Test
    void disabledAndUnknownTenantsGetNothing() {
        // One input partition: once a later event is delivered, the earlier ones have certainly been processed.
        PipelineEnv env = PipelineEnv.fresh(kafka, "not-enabled").withPartitions(1).provisionTopics();
        configure(env, "sleepy", TenantConfigs.disabled(receiver.url("/hooks/sleepy"), USERNAME, PASSWORD));
        configure(env, "globex", TenantConfigs.enabled(receiver.url("/hooks/globex"), USERNAME, PASSWORD));
        try (Pipeline ignored = Pipeline.start(env)) {
            // when a disabled tenant's user, an unknown tenant's user and then an enabled tenant's user change status
            portal.send(env.topics().userStatus(), Events.key("sleepy", "1"), Events.statusOf("sleepy", "1", "Online"));
            portal.send(env.topics().userStatus(), Events.key("nobody", "2"), Events.statusOf("nobody", "2", "Online"));
            long marker = portal.send(env.topics().userStatus(), Events.key("globex", "3"),
                    Events.statusOf("globex", "3", "Online"));

            // then only the enabled tenant's notification was built and delivered
            assertThat(Deliveries.of(List.of(awaitExactlyOne(receiver, "/hooks/globex"))).sequenceNums())
                    .containsExactly(marker);
            assertThat(receiver.requests()).hasSize(1);
            assertThat(kafka.readAll(env.topics().notifications())).extracting(ConsumerRecord::key)
                    .containsExactly(Events.key("globex", "3"));
            assertThat(kafka.readAll(env.topics().notificationsDlq())).isEmpty();
        }
    }

    @Test
    void anEventThatIsNotJsonGoesToTheUserStatusDlqAndThePipelineKeepsRunning() {
        PipelineEnv env = PipelineEnv.fresh(kafka, "bad-input").withPartitions(1).provisionTopics();
        configure(env, "acme", TenantConfigs.enabled(receiver.url("/hooks/acme"), USERNAME, PASSWORD));
        try (Pipeline pipeline = Pipeline.start(env)) {
            // when a broken event is followed by a good one
            String badValue = "{\"user\": this is not JSON";
            portal.send(env.topics().userStatus(), "acme/9", badValue);
            long good = portal.send(env.topics().userStatus(), "acme/9", Events.statusOf("acme", "9", "Online"));

            // then the broken one is on the user-status DLQ with its original key, bytes and the reason
            ConsumerRecord<String, byte[]> dead = kafka.awaitRecords(env.topics().userStatusDlq(), 1, DELIVERY_TIMEOUT).get(0);
            assertThat(dead.key()).isEqualTo("acme/9");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(badValue);
            assertThat(header(dead, "sns.error.reason")).isEqualTo("not-json");
            // and the good one is delivered by a pipeline that is still running
            assertThat(Deliveries.of(awaitRequests(receiver, "/hooks/acme", 1)).sequenceNums()).containsExactly(good);
            assertThat(pipeline.isRunning()).isTrue();
        }
    }

    /** The sink's {@code sns.sink.failures} counter for one tenant (meter names are part of its contract). */
    private static double failedAttempts(Pipeline pipeline, String tenant) {
        return pipeline.meters().find("sns.sink.failures").tag("tenant", tenant).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private void configure(PipelineEnv env, String tenant, String config) {
        portal.send(env.topics().tenantConfig(), tenant, config);
    }
}
