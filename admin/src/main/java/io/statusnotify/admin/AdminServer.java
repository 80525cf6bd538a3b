package io.statusnotify.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An app's admin port: {@code /health/live}, {@code /health/ready} (200 or 503, with each check in a JSON body),
 * {@code /metrics} (Prometheus text format), and whatever pages the app adds. Plain JDK HTTP server, two threads:
 * it must keep answering while the app is busy, and it serves a handful of requests a minute.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;

    private AdminServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts serving; {@code pages} maps a path prefix to a handler (e.g. the sink's status page at {@code /}).
     * Throws {@link UncheckedIOException} naming the address when the port cannot be bound.
     */
    public static AdminServer start(AdminSettings settings, PrometheusMeterRegistry registry, Readiness readiness,
                                    Map<String, HttpHandler> pages) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port()
                    + " (SNS_ADMIN_PORT / SNS_ADMIN_BIND): " + e.getMessage(), e);
        }
        server.createContext("/health/live", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/health/ready", exchange -> ready(exchange, readiness));
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape()));
        pages.forEach(server::createContext);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "admin-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        LOG.info("Admin port on {}:{}: /health/live, /health/ready, /metrics{}", settings.bind(),
                server.getAddress().getPort(), pages.isEmpty() ? "" : ", " + String.join(", ", pages.keySet()));
        return new AdminServer(server, threads);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void ready(HttpExchange exchange, Readiness readiness) throws IOException {
        Map<String, Boolean> checks;
        try {
            checks = new LinkedHashMap<>(readiness.checks());
        } catch (RuntimeException e) {
            checks = Map.of("checks-ran", false);
        }
        boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
        StringBuilder body = new StringBuilder("{\"status\":\"").append(ready ? "UP" : "DOWN").append("\",\"checks\":{");
        String separator = "";
        for (Map.Entry<String, Boolean> check : checks.entrySet()) {
            body.append(separator).append('"').append(check.getKey()).append("\":").append(check.getValue());
            separator = ",";
        }
        respond(exchange, ready ? 200 : 503, "application/json", body.append("}}").toString());
    }

    /** Answers a GET or HEAD; anything else is 405. */
    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
