package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sink as a deployment runs it, in its own JVM, stopped mid-stream (SIGKILL or SIGTERM) and started again with
 * the same consumer group: nothing is lost, and each user's notifications are first delivered in order.
 */
@ExtendWith(SharedKafka.class)
class SinkCrashIT {
    private static final Logger LOG = LoggerFactory.getLogger(SinkCrashIT.class);
    private static final int USERS = 10;
    private static final int EVENTS = 300;
    private static final String PATH = "/hooks/acme";
    /** A slow receiver makes sure the stop lands while most notifications are still to be delivered. */
    private static final Duration RECEIVER_DELAY = Duration.ofMillis(20);
    private static final int STOP_AFTER = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String USERNAME = "sink-user";
    private static final String PASSWORD = "sink-password-for-tests";

    @Test
    void aSinkKilledMidStreamLosesNothingAfterRestartAndKeepsPerUserOrder(TestKafka kafka) {
        Deliveries deliveries = stopMidStreamAndRestart(kafka, "sink-kill", AppProcess::kill);

        LOG.info("After SIGKILL and restart: {} deliveries of {} notifications, {} duplicates",
                deliveries.all().size(), EVENTS, deliveries.duplicates());
        assertThat(deliveries.duplicates()).as("redeliveries after a kill -9").isLessThan(EVENTS);
    }

    @Test
    void aSinkStoppedWithSigtermMidStreamDeliversEverythingAfterRestart(TestKafka kafka) {
        Deliveries deliveries = stopMidStreamAndRestart(kafka, "sink-term", AppProcess::terminate);

        LOG.info("After SIGTERM and restart: {} deliveries of {} notifications, {} duplicates",
                deliveries.all().size(), EVENTS, deliveries.duplicates());
        assertThat(deliveries.duplicates()).as("a clean stop commits everything it delivered").isZero();
    }

    private static void assertNoSecretsLogged(String sinkName) {
        String log = ChildJvm.logText(sinkName);
        String basic = Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(log).as("log of %s", sinkName).isNotEmpty();
        assertThat(log.contains(PASSWORD) || log.contains(basic)).as("%s logged the tenant's password", sinkName).isFalse();
    }

    /**
     * The tenant's config first, then the streams app, so the config is in the view the app starts with: written
     * after the start, the first events could meet an app that does not know the tenant yet, and be dropped as
     * unknown-tenant (seen once: the test then waited for notifications that were never made).
     */
    private static Pipeline streamsKnowingTheTenant(PipelineEnv env, PortalProducer portal,
                                                    RecordingReceiver receiver) {
        portal.send(env.topics().tenantConfig(), "acme", TenantConfigs.enabled(receiver.url(PATH), USERNAME, PASSWORD));
        return Pipeline.startStreamsOnly(env);
    }

    private Deliveries stopMidStreamAndRestart(TestKafka kafka, String name, ToIntFunction<AppProcess> stop) {
        // A short session lets the restarted sink take over a SIGKILLed member's partitions in seconds, not 45.
        PipelineEnv env = PipelineEnv.fresh(kafka, name).provisionTopics().shortSinkSession();
        try (RecordingReceiver receiver = RecordingReceiver.start();
             PortalProducer portal = new PortalProducer(kafka.bootstrapServers());
             Pipeline ignored = streamsKnowingTheTenant(env, portal, receiver)) {
            receiver.respondWith(request -> {
                LockSupport.parkNanos(RECEIVER_DELAY.toNanos()); // plays a slow server, not a wait of the test
                return Reply.status(204);
            });

            // given a sink in its own JVM, delivering a stream of status changes of ten users
            Map<String, List<Long>> expected = new LinkedHashMap<>();
            try (AppProcess first = AppProcess.sink(env, name + "-first")) {
                for (int i = 0; i < EVENTS; i++) {
                    String member = Integer.toString(i % USERS);
                    String key = Events.key("acme", member);
                    long seq = portal.send(env.topics().userStatus(), key,
                            Events.statusOf("acme", member, i % 2 == 0 ? "Online" : "Busy"));
                    expected.computeIfAbsent(key, k -> new ArrayList<>()).add(seq);
                }
                await("first deliveries").atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                        .until(() -> receiver.requestsTo(PATH).size() >= STOP_AFTER);

                // when it is stopped mid-stream
                int exitCode = stop.applyAsInt(first);
                int deliveredBeforeStop = Deliveries.of(receiver.requestsTo(PATH)).sequenceNums().size();
                LOG.info("{} exited with {} after {} of {} notifications", first, exitCode, deliveredBeforeStop, EVENTS);
                assertThat(deliveredBeforeStop).as("the stop landed mid-stream").isLessThan(EVENTS);
            }

            // and a new one is started in the same consumer group
            try (AppProcess second = AppProcess.sink(env, name + "-second")) {
                await("every notification delivered").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                        .until(() -> Deliveries.of(receiver.requestsTo(PATH)).sequenceNums().size() >= EVENTS);
                assertThat(second.isAlive()).as("%s still running", second).isTrue();
            }

            // then every sequenceNum arrived, and each user's first deliveries are in the order of their events
            Deliveries deliveries = Deliveries.of(receiver.requestsTo(PATH));
            assertThat(deliveries.sequenceNums()).containsExactlyInAnyOrderElementsOf(
                    expected.values().stream().flatMap(List::stream).toList());
            assertThat(deliveries.firstDeliveriesByUser()).isEqualTo(expected);
            assertNoSecretsLogged(name + "-first");
            assertNoSecretsLogged(name + "-second");
            return deliveries;
        }
    }
}
