package io.statusnotify.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.access.Authenticator;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.admin.web.BasicAuthGuard;
import io.statusnotify.admin.web.Responses;
import io.statusnotify.admin.web.WebServer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An app's admin port: {@code /health/live}, {@code /health/ready} (200 or 503, with each check in a JSON body),
 * {@code /metrics} (Prometheus text format), and whatever pages the app adds. With a users file everything but
 * {@code /health/*} asks for a login (basic auth) and TLS is served when the file names a certificate; without one
 * it listens on 127.0.0.1 only.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final WebServer server;

    private AdminServer(WebServer server) {
        this.server = server;
    }

    /** Health and metrics only. */
    public static AdminServer start(AdminSettings settings, PrometheusMeterRegistry registry, Readiness readiness) {
        return start(settings, registry, readiness, Optional.empty());
    }

    /**
     * Starts serving; {@code pages} takes every other path (e.g. the sink's status page) and answers 404 itself for
     * what it does not know. Throws {@link UncheckedIOException} naming the address when the port cannot be bound.
     */
    public static AdminServer start(AdminSettings settings, PrometheusMeterRegistry registry, Readiness readiness,
                                    Optional<Handler> pages) {
        Handler routes = new Routes(registry, readiness, pages);
        Handler handler = settings.users()
                .<Handler>map(users -> new BasicAuthGuard(new Authenticator(users, Clock.systemUTC()), routes))
                .orElse(routes);
        String address = settings.listenAddress();
        WebServer server = WebServer.start("admin port (SNS_ADMIN_PORT / SNS_ADMIN_BIND)", address, settings.port(),
                settings.users().flatMap(WebConfig::tls), handler);
        String url = (server.tls() ? "https://" : "http://") + address + ":" + server.port();
        String paths = "/health/live, /health/ready, /metrics" + (pages.isPresent() ? " and its pages" : "");
        if (settings.users().isPresent()) {
            LOG.info("Admin port on {}: {}; login required but for /health/* ({} users in SNS_WEB_CONFIG)", url, paths,
                    settings.users().get().users().size());
        } else {
            LOG.warn("Admin port on {}: {}; no users file (SNS_WEB_CONFIG), so this host only{}", url, paths,
                    settings.bind().equals(AdminSettings.LOOPBACK) ? ""
                            : " (SNS_ADMIN_BIND=" + settings.bind() + " needs SNS_WEB_CONFIG)");
        }
        return new AdminServer(server);
    }

    public int port() {
        return server.port();
    }

    private static final class Routes extends Handler.Abstract {
        private final PrometheusMeterRegistry registry;
        private final Readiness readiness;
        private final Optional<Handler> pages;

        Routes(PrometheusMeterRegistry registry, Readiness readiness, Optional<Handler> pages) {
            this.registry = registry;
            this.readiness = readiness;
            this.pages = pages;
            pages.ifPresent(this::addBean);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            switch (path) {
                case "/health/live", "/health/ready", "/metrics" -> {
                    if (Responses.refusedUnlessRead(request, response, callback)) return true;
                    WebUser user = BasicAuthGuard.user(request);
                    if (path.equals("/metrics") && user != null && !user.maySeeAllTenants()) {
                        return Responses.send(request, response, callback, 403, Responses.TEXT,
                                "refused: /metrics shows every tenant; " + user.name() + " administers some only\n");
                    }
                    return switch (path) {
                        case "/health/live" -> Responses.send(request, response, callback, 200, Responses.JSON,
                                "{\"status\":\"UP\"}");
                        case "/health/ready" -> ready(request, response, callback);
                        default -> Responses.send(request, response, callback, 200, PROMETHEUS_TEXT, registry.scrape());
                    };
                }
                default -> {
                    if (pages.isPresent() && pages.get().handle(request, response, callback)) return true;
                    return Responses.notFound(request, response, callback);
                }
            }
        }

        private boolean ready(Request request, Response response, Callback callback) {
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
            return Responses.send(request, response, callback, ready ? 200 : 503, Responses.JSON,
                    body.append("}}").toString());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
