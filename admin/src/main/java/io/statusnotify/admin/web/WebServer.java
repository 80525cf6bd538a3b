package io.statusnotify.admin.web;

import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.tls.Pem;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * The one way the project serves HTTP to people and probes: Jetty 12 (its core handlers, no servlets), plain HTTP or,
 * with the users file's {@code tls_server_config}, HTTPS from PEM certificate and key files. Daemon threads, few of
 * them: these ports serve a handful of requests a minute and must never hold a JVM open.
 */
public final class WebServer implements AutoCloseable {
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;

    private WebServer(Server server, ServerConnector connector, boolean tls) {
        this.server = server;
        this.connector = connector;
        this.tls = tls;
    }

    /**
     * Starts serving {@code handler} on {@code bind:port} (0: any free port). {@code what} names the server and the
     * settings that place it in errors, e.g. {@code "admin port (SNS_ADMIN_PORT / SNS_ADMIN_BIND)"}.
     */
    public static WebServer start(String what, String bind, int port, Optional<WebConfig.TlsFiles> tls, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("web-" + port);
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = tls.map(files -> new ServerConnector(server, 1, 1,
                        new SslConnectionFactory(sslContext(files), "http/1.1"), https()))
                .orElseGet(() -> new ServerConnector(server, 1, 1));
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);
        // Nothing served here takes more than a small JSON body or login form: a bigger one is refused (413) before
        // anyone reads it, login or not.
        SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
        limit.setHandler(handler);
        server.setHandler(limit);
        // No graceful wait: an idle keep-alive connection would hold every stop for a second, and nothing here is
        // worth finishing at shutdown.
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start: nothing to stop
            }
            throw new UncheckedIOException("cannot listen on " + bind + ":" + port + " for the " + what + ": "
                    + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        return new WebServer(server, connector, tls.isPresent());
    }

    public int port() {
        return connector.getLocalPort();
    }

    public boolean tls() {
        return tls;
    }

    /**
     * One certificate, so no SNI host check: Jetty's default answers 400 to a request whose Host the certificate does
     * not name (https://127.0.0.1 with a certificate for the host's name, as the container health check asks).
     */
    private static HttpConnectionFactory https() {
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        return new HttpConnectionFactory(configuration);
    }

    private static SslContextFactory.Server sslContext(WebConfig.TlsFiles files) {
        try {
            String certificates = Files.readString(files.certFile(), StandardCharsets.US_ASCII);
            String key = Files.readString(files.keyFile(), StandardCharsets.US_ASCII);
            KeyStore store = Pem.keyStore("server", Pem.privateKey(key, files.keyFile().toString()),
                    Pem.certificates(certificates, files.certFile().toString()));
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setKeyStore(store);
            factory.setKeyStorePassword("");
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException("tls_server_config: cannot read " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tls_server_config: key_file does not fit cert_file ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the web server on port " + port(), e);
        }
    }
}
