package io.statusnotify.console.web;

import io.statusnotify.admin.access.WebUser;
import io.statusnotify.admin.web.Responses;
import io.statusnotify.console.config.ConfigView;
import io.statusnotify.console.config.ConsoleRefusal;
import io.statusnotify.console.config.TenantEditor;
import io.statusnotify.console.config.TenantForm;
import io.statusnotify.console.delivery.DeliverySource;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.sink.status.TenantStatus;
import io.statusnotify.tenants.Actor;
import io.statusnotify.tenants.ConfigSnapshot;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

/**
 * The JSON API behind the pages (docs/console.md lists it). Who may do what is decided here, route by route: a
 * tenant-admin sees and changes only their tenants, a viewer changes nothing, only a super-admin sets the switch.
 */
final class ConsoleApi {
    private static final String TENANTS = "/api/tenants/";
    private final ConfigView view;
    private final TenantEditor editor;
    private final DeliverySource delivery;
    /** Connection tests wait on other people's servers: a few at a time, so the console's threads stay free. */
    private final Semaphore tests = new Semaphore(4);

    ConsoleApi(ConfigView view, TenantEditor editor, DeliverySource delivery) {
        this.view = view;
        this.editor = editor;
        this.delivery = delivery;
    }

    boolean handle(Request request, Response response, Callback callback, String path, LoggedIn session, String body)
            throws Exception {
        WebUser user = session.user();
        String method = request.getMethod();
        switch (path) {
            case "/api/session" -> {
                if (Responses.refusedUnlessRead(request, response, callback)) return true;
                return ApiReplies.json(request, response, callback, 200, Map.of("user", user.name(),
                        "role", user.role().fileName(), "tenants", user.tenants(), "csrfToken", session.csrfToken()));
            }
            case "/api/global" -> {
                if (Responses.refusedMethod(request, response, callback, List.of("GET", "HEAD", "PUT"))) return true;
                if (method.equals("PUT")) {
                    if (!user.mayChangeGlobal()) throw new ConsoleRefusal(403, "only a super-admin may set the switch");
                    GlobalSettings wanted = ApiReplies.parse(body, GlobalSettings.class, "allowTenantConfig");
                    editor.setGlobal(Actor.console(user.name()), wanted.allowTenantConfig());
                }
                return ApiReplies.json(request, response, callback, 200, Map.of("allowTenantConfig", editor.allowTenantConfig()));
            }
            case "/api/tenants", "/api/tenants/" -> {
                if (Responses.refusedUnlessRead(request, response, callback)) return true;
                return ApiReplies.json(request, response, callback, 200, tenants(user));
            }
            case "/api/audit" -> {
                if (Responses.refusedUnlessRead(request, response, callback)) return true;
                if (!user.maySeeAllTenants()) throw new ConsoleRefusal(403, "the audit trail is for super-admins and viewers");
                return ApiReplies.json(request, response, callback, 200, view.audit());
            }
            default -> {
                if (path.startsWith(TENANTS) && path.length() > TENANTS.length()) {
                    return tenant(request, response, callback, path.substring(TENANTS.length()), session, body);
                }
                return ApiReplies.error(request, response, callback, 404, "no such route");
            }
        }
    }

    private boolean tenant(Request request, Response response, Callback callback, String rest, LoggedIn session,
                           String body) {
        WebUser user = session.user();
        int slash = rest.indexOf('/');
        String tenant = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        if (!user.maySee(tenant)) throw new ConsoleRefusal(403, user.name() + " may not see tenant " + tenant);
        switch (action) {
            case "" -> {
                if (Responses.refusedMethod(request, response, callback, List.of("GET", "HEAD", "PUT"))) return true;
                if (request.getMethod().equals("PUT")) {
                    requireChange(user, tenant);
                    editor.save(Actor.console(user.name()), session.sessionId(), tenant, ApiReplies.parse(body, TenantForm.class, "enabled"));
                    return ApiReplies.json(request, response, callback, 200, Map.of("saved", true));
                }
                return ApiReplies.json(request, response, callback, 200, details(user, tenant));
            }
            case "history" -> {
                if (Responses.refusedUnlessRead(request, response, callback)) return true;
                return delivery.history(tenant).map(h -> ApiReplies.json(request, response, callback, 200, h))
                        .orElseGet(() -> ApiReplies.error(request, response, callback, 404, "no sink knows tenant " + tenant));
            }
            case "test" -> {
                if (Responses.refusedMethod(request, response, callback, List.of("POST"))) return true;
                requireChange(user, tenant);
                TenantForm form = ApiReplies.parse(body, TenantForm.class, "enabled");
                if (!tests.tryAcquire()) throw new ConsoleRefusal(429, "other Connection tests are running; try again in a moment");
                try {
                    return ApiReplies.json(request, response, callback, 200, editor.test(session.sessionId(), tenant, form));
                } finally {
                    tests.release();
                }
            }
            default -> {
                return ApiReplies.error(request, response, callback, 404, "no such route");
            }
        }
    }

    private static void requireChange(WebUser user, String tenant) {
        if (!user.mayChange(tenant)) throw new ConsoleRefusal(403, user.name() + " may not change tenant " + tenant);
    }

    private List<Map<String, Object>> tenants(WebUser user) {
        ConfigSnapshot snapshot = view.snapshot();
        Map<String, TenantStatus> states = states();
        TreeSet<String> names = new TreeSet<>(snapshot.tenants().keySet());
        names.addAll(states.keySet());
        names.addAll(user.tenants());
        return names.stream().filter(user::maySee).map(name -> {
            TenantConfig config = snapshot.tenants().get(name);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tenant", name);
            row.put("configured", config != null);
            row.put("enabled", config != null && config.enabled());
            row.put("serverUrl", config == null ? null : config.serverUrl());
            row.put("delivery", states.get(name));
            return row;
        }).toList();
    }

    private Map<String, Object> details(WebUser user, String tenant) {
        TenantConfig config = view.snapshot().tenants().get(tenant);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tenant", tenant);
        details.put("configured", config != null);
        details.put("enabled", config != null && config.enabled());
        details.put("serverUrl", config == null ? null : config.serverUrl());
        details.put("username", config == null ? null : config.username());
        details.put("passwordSet", config != null && config.password() != null);
        details.put("allowTenantConfig", editor.allowTenantConfig());
        details.put("mayChange", user.mayChange(tenant));
        details.put("delivery", states().get(tenant));
        return details;
    }

    private Map<String, TenantStatus> states() {
        Map<String, TenantStatus> states = new LinkedHashMap<>();
        delivery.statuses().forEach(status -> states.put(status.tenant(), status));
        return states;
    }
}
