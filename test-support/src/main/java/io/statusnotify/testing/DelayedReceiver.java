package io.statusnotify.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.statusnotify.testing.RecordingReceiver.Received;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 that records each request on arrival and answers 204 only after a delay, like a
 * tenant's server that takes seconds to answer. Unlike a thread-per-request server it answers every open request
 * after the same delay, however many are open at once (the reply is scheduled, no thread waits for it).
 */
public final class DelayedReceiver implements AutoCloseable {
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Duration delay;
    private final ExecutorService readers = Executors.newFixedThreadPool(4, daemon("delayed-receiver"));
    private final ScheduledExecutorService replies = Executors.newScheduledThreadPool(2, daemon("delayed-reply"));
    private final HttpServer server;
    /** Until then, nothing is answered: see {@link #hold}. */
    private volatile long holdUntilMillis;

    private DelayedReceiver(Duration delay) {
        this.delay = delay;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        server.setExecutor(readers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static DelayedReceiver start(Duration delay) {
        return new DelayedReceiver(delay);
    }

    /**
     * From now on, for {@code hold}, answers nothing: requests are read, recorded and kept open, then each is
     * answered when the hold ends (or after the delay, whichever is later). A server that stalls, then recovers.
     */
    public void hold(Duration hold) {
        holdUntilMillis = System.currentTimeMillis() + hold.toMillis();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        replies.shutdownNow();
        readers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(headers),
                body, now));
        long wait = Math.max(delay.toMillis(), holdUntilMillis - now);
        replies.schedule(() -> reply(exchange), wait, TimeUnit.MILLISECONDS);
    }

    private static void reply(HttpExchange exchange) {
        try (exchange) {
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException e) {
            // The client gave up (its response timeout): nothing to answer.
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
