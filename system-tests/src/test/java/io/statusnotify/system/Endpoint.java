package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;

import java.util.List;

/** A tenant's HTTP server as a test sees it: where it listens and what it got. */
interface Endpoint extends AutoCloseable {

    String url(String path);

    List<Received> requests();

    @Override
    void close();

    static Endpoint of(RecordingReceiver receiver) {
        return new Endpoint() {
            @Override
            public String url(String path) {
                return receiver.url(path);
            }

            @Override
            public List<Received> requests() {
                return receiver.requests();
            }

            @Override
            public void close() {
                receiver.close();
            }
        };
    }
}
