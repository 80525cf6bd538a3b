package io.statusnotify.console.web;

import io.statusnotify.admin.access.Authenticator;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.web.WebServer;
import io.statusnotify.console.config.ConfigView;
import io.statusnotify.console.config.TenantEditor;
import io.statusnotify.console.delivery.DeliverySource;
import org.eclipse.jetty.session.SessionHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Builds the console's handler tree (sessions around the routes) and serves it. */
public final class ConsoleWeb {
    private ConsoleWeb() {
    }

    public static WebServer start(String bind, int port, WebConfig users, Duration idle, Duration max, ConfigView view,
                                  TenantEditor editor, DeliverySource delivery, BooleanSupplier ready, Clock clock) {
        ConsoleSessions sessions = new ConsoleSessions(users, new Authenticator(users, clock), clock, idle, max);
        SessionHandler sessionHandler = ConsoleSessions.handler(users.tls().isPresent(), idle);
        sessionHandler.setHandler(new ConsoleHandler(sessions, new ConsoleApi(view, editor, delivery), ready));
        return WebServer.start("console (SNS_CONSOLE_PORT / SNS_CONSOLE_BIND)", bind, port, users.tls(), sessionHandler);
    }
}
