package io.statusnotify.console.web;

import io.statusnotify.admin.access.Authenticator;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.admin.web.Responses;
import io.statusnotify.console.config.ConsoleRefusal;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The console's routes: the login form, the assets, the two pages, and the JSON API ({@link ConsoleApi}). Pages and
 * API need a session; every change needs the session's CSRF token in {@code X-CSRF-Token}, JSON, and no foreign
 * {@code Origin}.
 */
public final class ConsoleHandler extends Handler.Abstract {
    private static final String TENANT_PAGE = "/tenants/";
    private final ConsoleSessions sessions;
    private final ConsoleApi api;
    private final StaticFiles files = new StaticFiles();
    private final BooleanSupplier ready;

    ConsoleHandler(ConsoleSessions sessions, ConsoleApi api, BooleanSupplier ready) {
        this.sessions = sessions;
        this.api = api;
        this.ready = ready;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.equals("/health/live")) return ApiReplies.json(request, response, callback, 200, Map.of("status", "UP"));
        if (path.equals("/health/ready")) {
            boolean up = ready.getAsBoolean();
            return ApiReplies.json(request, response, callback, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
        }
        if (path.equals("/login")) return login(request, response, callback);
        if (path.startsWith("/assets/")) {
            if (Responses.refusedUnlessRead(request, response, callback)) return true;
            return files.send(request, response, callback, path.substring("/assets/".length()));
        }
        Optional<LoggedIn> user = sessions.current(request);
        if (path.startsWith("/api/") || path.equals("/logout")) {
            try {
                return api(request, response, callback, path, user);
            } catch (ConsoleRefusal refusal) {
                return ApiReplies.refused(request, response, callback, refusal);
            }
        }
        if (Responses.refusedUnlessRead(request, response, callback)) return true;
        if (user.isEmpty()) {
            boolean hadSession = Request.getCookies(request).stream().anyMatch(c -> c.getName().equals(ConsoleSessions.COOKIE));
            return redirect(request, response, callback, hadSession && !path.equals("/") ? "/login?error=expired" : "/login");
        }
        return page(request, response, callback, path, user.get().user());
    }

    private boolean api(Request request, Response response, Callback callback, String path, Optional<LoggedIn> user)
            throws Exception {
        // Read whole before any answer: a refusal sent while the body is still coming makes clients lose it.
        String body = isRead(request) ? "" : ApiReplies.read(request);
        if (user.isEmpty()) return ApiReplies.error(request, response, callback, 401, "login required");
        if (!isRead(request) && !changeAllowed(request, user.get())) {
            return ApiReplies.error(request, response, callback, 403, "CSRF token missing or wrong: reload the page");
        }
        if (path.equals("/logout")) {
            // Never on a GET: a prefetch or a link must not end the session.
            if (Responses.refusedMethod(request, response, callback, List.of("POST"))) return true;
            sessions.logOut(request);
            return ApiReplies.json(request, response, callback, 200, Map.of("loggedOut", true));
        }
        return this.api.handle(request, response, callback, path, user.get(), body);
    }

    private boolean page(Request request, Response response, Callback callback, String path, WebUser user) {
        if (path.equals("/")) {
            return redirect(request, response, callback, user.role() == Role.TENANT_ADMIN
                    ? TENANT_PAGE + Paths.encode(user.tenants().iterator().next()) : "/super-admin");
        }
        if (path.equals("/super-admin")) {
            if (!user.maySeeAllTenants()) return forbidden(request, response, callback, "the Super Admin page");
            return files.send(request, response, callback, "super-admin.html");
        }
        if (path.startsWith(TENANT_PAGE) && path.length() > TENANT_PAGE.length()) {
            String tenant = path.substring(TENANT_PAGE.length());
            if (tenant.contains("/")) return Responses.notFound(request, response, callback);
            if (!user.maySee(tenant)) return forbidden(request, response, callback, "tenant " + tenant);
            return files.send(request, response, callback, "tenant.html");
        }
        return Responses.notFound(request, response, callback);
    }

    private boolean login(Request request, Response response, Callback callback) throws Exception {
        if (Responses.refusedMethod(request, response, callback, List.of("GET", "HEAD", "POST"))) return true;
        if (isRead(request)) return files.send(request, response, callback, "login.html");
        if (!sameOrigin(request)) return forbidden(request, response, callback, "a login from another site");
        Fields form = FormFields.getFields(request);
        String name = form.getValue("username");
        String password = form.getValue("password");
        if (name == null || password == null) return redirect(request, response, callback, "/login?error=failed");
        Authenticator.Outcome outcome = sessions.logIn(request, response, name, password);
        if (outcome instanceof Authenticator.Outcome.Passed) return redirect(request, response, callback, "/");
        if (outcome instanceof Authenticator.Outcome.Throttled throttled) {
            return redirect(request, response, callback, "/login?error=throttled&retryAfter="
                    + Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000));
        }
        return redirect(request, response, callback, "/login?error=failed");
    }

    private static boolean changeAllowed(Request request, LoggedIn user) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return sameOrigin(request) && type != null && type.startsWith("application/json")
                && ConsoleSessions.csrfMatches(user, request.getHeaders().get("X-CSRF-Token"));
    }

    private static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        return origin == null || origin.equals(request.getHttpURI().getScheme() + "://" + request.getHeaders().get(HttpHeader.HOST));
    }

    private static boolean isRead(Request request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    private static boolean redirect(Request request, Response response, Callback callback, String location) {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        return Responses.send(request, response, callback, HttpStatus.SEE_OTHER_303, Responses.TEXT, "see " + location + "\n");
    }

    private static boolean forbidden(Request request, Response response, Callback callback, String what) {
        return Responses.send(request, response, callback, 403, Responses.TEXT, "403: you may not see " + what + "\n");
    }
}
