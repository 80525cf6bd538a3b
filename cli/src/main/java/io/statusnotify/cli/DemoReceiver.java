package io.statusnotify.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A tenant's notification server for the demo: accepts notifications POSTed to any path, checks basic auth when
 * credentials are set, and prints one line per notification. Answers 204, 401 on wrong or missing credentials,
 * 400 on a body that is not a notification.
 */
final class DemoReceiver implements AutoCloseable {
    /** The path {@code up} configures; any other path is served the same. */
    static final String PATH = "/notifications";
    private static final int KEPT = 1000;
    private final HttpServer server;
    private final Credentials expected;
    private final Consumer<String> printer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Deque<Notification> latest = new ArrayDeque<>();

    private DemoReceiver(HttpServer server, Credentials expected, Consumer<String> printer) {
        this.server = server;
        this.expected = expected;
        this.printer = printer;
    }

    /** Listens on {@code host:port}; {@code expected} null means any request is accepted unchecked. */
    static DemoReceiver start(String host, int port, Credentials expected, Consumer<String> printer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
            DemoReceiver receiver = new DemoReceiver(server, expected, printer);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "statusnotify-demo-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The URL to configure as the tenant's {@code serverUrl}, for a receiver reached on {@code host}. */
    String url(String host) {
        return "http://" + host + ":" + port() + PATH;
    }

    long accepted() {
        return accepted.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** The last notifications accepted (at most {@value #KEPT}), oldest first. */
    List<Notification> notifications() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Boolean authOk = expected == null ? null
                    : expected.matches(exchange.getRequestHeaders().getFirst("Authorization"));
            Notification notification;
            try {
                notification = Json.read(body, Notification.class);
            } catch (BadRecordException e) {
                printer.accept(NotificationLine.unreadable(e.getMessage(), authOk));
                reply(exchange, Boolean.FALSE.equals(authOk) ? 401 : 400);
                return;
            }
            printer.accept(NotificationLine.of(notification, authOk));
            if (Boolean.FALSE.equals(authOk)) {
                rejected.incrementAndGet();
                reply(exchange, 401);
                return;
            }
            keep(notification);
            accepted.incrementAndGet();
            reply(exchange, 204);
        }
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        if (status == 401) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"statusnotify-demo\"");
        }
        exchange.sendResponseHeaders(status, -1);
    }

    private void keep(Notification notification) {
        synchronized (latest) {
            latest.addLast(notification);
            if (latest.size() > KEPT) {
                latest.removeFirst();
            }
        }
    }
}
