package io.statusnotify.system;

import io.statusnotify.testing.ExactCount;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;

import java.time.Duration;
import java.util.List;

/** Waiting for a receiver to be called, with Awaitility (never a sleep). */
final class ReceiverWaits {
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private ReceiverWaits() {
    }

    /** Exactly {@code count} requests to {@code path}, and no more within {@link ExactCount#QUIET_PERIOD}. */
    static List<Received> awaitRequests(RecordingReceiver receiver, String path, int count) {
        ExactCount.await("requests to " + path, count, DELIVERY_TIMEOUT, () -> receiver.requestsTo(path).size());
        return receiver.requestsTo(path);
    }

    /** One request arrives, and no second one follows within the quiet period. */
    static Received awaitExactlyOne(RecordingReceiver receiver, String path) {
        return awaitRequests(receiver, path, 1).get(0);
    }
}
