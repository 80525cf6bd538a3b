package io.statusnotify.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.schema.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        if (path.endsWith("/test") && exchange.getRequestMethod().equals("POST")) {
            String tenant = URLDecoder.decode(path.substring(API.length() + 1, path.length() - "/test".length()),
                    StandardCharsets.UTF_8);
            ConnectionCheck check = connectionTest.apply(tenant);
            try (exchange) {
                byte[] body = Json.write(check);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            return;
        }
        AdminServer.respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
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
