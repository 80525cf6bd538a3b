package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Waiting for a receiver to be called, with Awaitility (never a sleep). */
final class ReceiverWaits {
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    /** How long "no more requests" must hold before a test believes it. */
    static final Duration QUIET_PERIOD = Duration.ofSeconds(1);

    private ReceiverWaits() {
    }

    static List<Received> awaitRequests(RecordingReceiver receiver, String path, int atLeast) {
        await(atLeast + " request(s) to " + path).atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> receiver.requestsTo(path).size() >= atLeast);
        return receiver.requestsTo(path);
    }

    /** One request arrives, and no second one follows within the quiet period. */
    static Received awaitExactlyOne(RecordingReceiver receiver, String path) {
        awaitRequests(receiver, path, 1);
        await("still exactly one request to " + path).during(QUIET_PERIOD).atMost(QUIET_PERIOD.plusSeconds(5))
                .until(() -> receiver.requestsTo(path).size() == 1);
        return receiver.requestsTo(path).get(0);
    }
}
