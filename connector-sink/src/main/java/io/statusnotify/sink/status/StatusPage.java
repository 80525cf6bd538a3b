package io.statusnotify.sink.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.schema.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sink's tenant status page on its admin port: {@code /} (a self-refreshing HTML page, no build step),
 * {@code GET /api/tenants} (the same data as JSON) and {@code POST /api/tenants/NAME/test} (the connection test).
 */
public final class StatusPage {
    private static final String API = "/api/tenants";
    private final Supplier<List<TenantStatus>> statuses;
    private final Function<String, ConnectionCheck> connectionTest;
    private final String html;
    /** One test at a time, none queued: a second press while one runs is told so (429). */
    private final ExecutorService tests = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "connection-test");
                thread.setDaemon(true);
                return thread;
            });

    /** What the "send test notification" button shows: passed or not, in plain words. */
    public record ConnectionCheck(boolean passed, String outcome) {
    }

    public StatusPage(Supplier<List<TenantStatus>> statuses, Function<String, ConnectionCheck> connectionTest) {
        this.statuses = statuses;
        this.connectionTest = connectionTest;
        this.html = resource("status.html");
    }

    /** The handlers to mount on the admin port, by path. */
    public Map<String, HttpHandler> handlers() {
        Map<String, HttpHandler> handlers = new LinkedHashMap<>();
        handlers.put("/", this::page);
        handlers.put(API, this::api);
        return handlers;
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            AdminServer.respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'");
        AdminServer.respond(exchange, 200, "text/html; charset=utf-8", html);
    }

    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(API) || path.equals(API + "/")) {
            AdminServer.respond(exchange, 200, "application/json", json(statuses.get()));
            return;
        }
        String prefix = API + "/";
        if (path.startsWith(prefix) && path.endsWith("/test") && path.length() > prefix.length() + "/test".length()
                && exchange.getRequestMethod().equals("POST")) {
            // getPath() is decoded already: the tenant's name as it is, slashes aside (names have none).
            String tenant = path.substring(prefix.length(), path.length() - "/test".length());
            test(exchange, tenant);
            return;
        }
        AdminServer.respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
    }

    /**
     * Runs one connection test at a time, off the admin port's threads (health and metrics keep answering while a
     * test waits for a slow server). Only the page itself may ask: a JSON request from the same origin, which a
     * page elsewhere cannot send without the browser asking first (and this server never says yes).
     */
    private void test(HttpExchange exchange, String tenant) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (contentType == null || !contentType.startsWith("application/json")
                || (origin != null && !origin.equals("http://" + host))) {
            send(exchange, 403, new ConnectionCheck(false, "refused: only the status page itself may start a test"));
            return;
        }
        Future<ConnectionCheck> running;
        try {
            running = tests.submit(() -> connectionTest.apply(tenant));
        } catch (RejectedExecutionException e) {
            send(exchange, 429, new ConnectionCheck(false, "another connection test is running; try again in a moment"));
            return;
        }
        try {
            send(exchange, 200, running.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 503, new ConnectionCheck(false, "interrupted"));
        } catch (ExecutionException e) {
            send(exchange, 500, new ConnectionCheck(false, "the test failed: " + e.getCause().getClass().getSimpleName()));
        }
    }

    private static void send(HttpExchange exchange, int status, ConnectionCheck check) throws IOException {
        try (exchange) {
            byte[] body = Json.write(check);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
