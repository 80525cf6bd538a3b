package io.statusnotify.system;

import io.statusnotify.testing.DelayedReceiver;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A tenant's HTTP server as a test sees it: where it listens and what it got. */
interface Endpoint extends AutoCloseable {

    String url(String path);

    List<Received> requests();

    @Override
    void close();

    static Endpoint of(RecordingReceiver receiver) {
        return of(receiver::url, receiver::requests, receiver::close);
    }

    static Endpoint of(DelayedReceiver receiver) {
        return of(receiver::url, receiver::requests, receiver::close);
    }

    private static Endpoint of(Function<String, String> url, Supplier<List<Received>> requests, Runnable close) {
        return new Endpoint() {
            @Override
            public String url(String path) {
                return url.apply(path);
            }

            @Override
            public List<Received> requests() {
                return requests.get();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
