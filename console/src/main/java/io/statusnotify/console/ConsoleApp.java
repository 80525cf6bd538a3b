package io.statusnotify.console;

import io.statusnotify.admin.web.WebServer;
import io.statusnotify.console.config.ConfigView;
import io.statusnotify.console.config.TenantEditor;
import io.statusnotify.console.config.TestTokens;
import io.statusnotify.console.delivery.DeliverySource;
import io.statusnotify.console.delivery.SinkStatusClient;
import io.statusnotify.console.web.ConsoleWeb;
import io.statusnotify.tenants.ConfigWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The console running: it reads the config and audit topics, writes both in one transaction per change, and serves
 * the pages. {@code delivery}: the sinks' admin ports ({@link SinkStatusClient}), or a sink in this process.
 */
public final class ConsoleApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private static final Duration START = Duration.ofSeconds(60);
    private final ConfigView view;
    private final ConfigWriter writer;
    private final WebServer server;

    private ConsoleApp(ConfigView view, ConfigWriter writer, WebServer server) {
        this.view = view;
        this.writer = writer;
        this.server = server;
    }

    public static ConsoleApp start(ConsoleSettings settings) {
        return start(settings, settings.sinks().urls().isEmpty() ? DeliverySource.none() : new SinkStatusClient(settings.sinks()));
    }

    public static ConsoleApp start(ConsoleSettings settings, DeliverySource delivery) {
        ConfigView view = new ConfigView(settings.kafka(), settings.topics().tenantConfig(), settings.topics().audit());
        ConfigWriter writer = null;
        try {
            view.start(START);
            writer = new ConfigWriter(settings.kafka(), settings.transactionalId(), settings.topics().tenantConfig(),
                    settings.topics().audit(), ConfigWriter.DEFAULT_TIMEOUT);
            TenantEditor editor = new TenantEditor(view, writer, new TestTokens(Clock.systemUTC()), settings.security(),
                    settings.http(), settings.allowTenantConfigByDefault(), Clock.systemUTC());
            WebServer server = ConsoleWeb.start(settings.bind(), settings.port(), settings.users(), settings.sessionIdle(),
                    settings.sessionMax(), view, editor, delivery, view::healthy, Clock.systemUTC());
            LOG.info("Console on {}://{}:{}/ ({} users; delivery state from {})", server.tls() ? "https" : "http",
                    settings.bind(), server.port(), settings.users().users().size(),
                    delivery.configured() ? settings.sinks().urls().isEmpty() ? "the sink in this process" : settings.sinks().urls()
                            : "no sink (SNS_CONSOLE_SINK_URLS not set)");
            return new ConsoleApp(view, writer, server);
        } catch (TimeoutException e) {
            close(view, writer);
            throw new IllegalStateException("could not read " + settings.topics().tenantConfig() + " and "
                    + settings.topics().audit() + " within " + START.toSeconds() + " s: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(view, writer);
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    private static void close(ConfigView view, ConfigWriter writer) {
        if (writer != null) writer.close();
        view.close();
    }

    @Override
    public void close() {
        server.close();
        close(view, writer);
    }
}
