package io.statusnotify.sink.status;

import io.statusnotify.admin.access.WebUser;
import io.statusnotify.admin.web.BasicAuthGuard;
import io.statusnotify.admin.web.Responses;
import io.statusnotify.schema.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
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
 * {@code GET /api/tenants} (the same data as JSON), {@code GET /api/tenants/NAME/history} (its last hour, minute by
 * minute) and {@code POST /api/tenants/NAME/test} (the connection test).
 * Behind the users file a tenant-admin sees and tests only their tenants, and a viewer tests none (403).
 */
public final class StatusPage {
    private static final String API = "/api/tenants";
    private static final String HISTORY = "/history";
    private final Supplier<List<TenantStatus>> statuses;
    private final Function<String, ConnectionCheck> connectionTest;
    private final Function<String, Optional<TenantHistory>> history;
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

    public StatusPage(Supplier<List<TenantStatus>> statuses, Function<String, ConnectionCheck> connectionTest,
                      Function<String, Optional<TenantHistory>> history) {
        this.statuses = statuses;
        this.connectionTest = connectionTest;
        this.history = history;
        this.html = resource("status.html");
    }

    /** The handler to mount on the admin port (a new one each call: Jetty starts a handler on one server only). */
    public Handler handler() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return StatusPage.this.handle(request, response, callback);
            }
        };
    }

    private boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        WebUser user = BasicAuthGuard.user(request);
        if (path.equals("/")) {
            if (Responses.refusedUnlessRead(request, response, callback)) return true;
            response.getHeaders().put("Content-Security-Policy",
                    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'");
            return Responses.send(request, response, callback, 200, Responses.HTML, html);
        }
        if (path.equals(API) || path.equals(API + "/")) {
            if (Responses.refusedUnlessRead(request, response, callback)) return true;
            List<TenantStatus> visible = statuses.get().stream().filter(t -> user == null || user.maySee(t.tenant())).toList();
            return Responses.send(request, response, callback, 200, Responses.JSON, json(visible));
        }
        String prefix = API + "/";
        if (path.startsWith(prefix) && path.endsWith(HISTORY) && path.length() > prefix.length() + HISTORY.length()) {
            if (Responses.refusedUnlessRead(request, response, callback)) return true;
            String tenant = path.substring(prefix.length(), path.length() - HISTORY.length());
            if (user != null && !user.maySee(tenant)) {
                return Responses.send(request, response, callback, 403, Responses.TEXT,
                        "refused: " + user.name() + " may not see " + tenant + "\n");
            }
            Optional<TenantHistory> hour = history.apply(tenant);
            return hour.isPresent() ? Responses.send(request, response, callback, 200, Responses.JSON, json(hour.get()))
                    : Responses.notFound(request, response, callback);
        }
        if (path.startsWith(prefix) && path.endsWith("/test") && path.length() > prefix.length() + "/test".length()) {
            if (Responses.refusedMethod(request, response, callback, List.of("POST"))) return true;
            // Read before any answer: a refusal sent while the body is still coming makes clients lose it.
            Responses.body(request);
            // The path is decoded already: the tenant's name as it is, slashes aside (names have none).
            String tenant = path.substring(prefix.length(), path.length() - "/test".length());
            if (user != null && !user.mayChange(tenant)) {
                return send(request, response, callback, 403, new ConnectionCheck(false,
                        "refused: " + user.name() + " may not test " + tenant));
            }
            return test(request, response, callback, tenant);
        }
        return Responses.notFound(request, response, callback);
    }

    /**
     * Runs one connection test at a time, off the admin port's threads (health and metrics keep answering while a
     * test waits for a slow server). Only the page itself may ask: a JSON request from the same origin, which a
     * page elsewhere cannot send without the browser asking first (and this server never says yes).
     */
    private boolean test(Request request, Response response, Callback callback, String tenant) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String self = request.getHttpURI().getScheme() + "://" + request.getHeaders().get(HttpHeader.HOST);
        if (contentType == null || !contentType.startsWith("application/json") || (origin != null && !origin.equals(self))) {
            return send(request, response, callback, 403,
                    new ConnectionCheck(false, "refused: only the status page itself may start a test"));
        }
        Future<ConnectionCheck> running;
        try {
            running = tests.submit(() -> connectionTest.apply(tenant));
        } catch (RejectedExecutionException e) {
            return send(request, response, callback, 429,
                    new ConnectionCheck(false, "another connection test is running; try again in a moment"));
        }
        try {
            return send(request, response, callback, 200, running.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return send(request, response, callback, 503, new ConnectionCheck(false, "interrupted"));
        } catch (ExecutionException e) {
            return send(request, response, callback, 500,
                    new ConnectionCheck(false, "the test failed: " + e.getCause().getClass().getSimpleName()));
        }
    }

    private static boolean send(Request request, Response response, Callback callback, int status, ConnectionCheck check) {
        return Responses.send(request, response, callback, status, Responses.JSON, json(check));
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
