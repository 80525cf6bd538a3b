package io.statusnotify.sink;

import io.statusnotify.schema.TenantConfig;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import io.statusnotify.schema.SafeText;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The HTTP boundary: POSTs a notification to a tenant's server without blocking, over pooled keep-alive
 * connections (HTTP/2 where a TLS server offers it). Never follows redirects and never retries on its own (the
 * caller decides, see {@link ResponsePolicy}); response bodies are read and thrown away. Thread-safe.
 */
final class HttpSender implements AutoCloseable {
    static final String USER_AGENT = "statusnotify/" + version();
    /** Exactly {@code application/json}: JSON is UTF-8 by definition (RFC 8259), which defines no charset parameter. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final PoolingAsyncClientConnectionManager connections;
    private final MinimalHttpAsyncClient client;
    private final RequestConfig requestConfig;
    /** Parsed URL and encoded credentials per config, not redone for every request (configs change rarely). */
    private final Map<TenantConfig, Target> targets = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantConfig, Target> eldest) {
            return size() > 20_000;
        }
    });

    private record Target(URI uri, String authorization) {
        static Target of(TenantConfig config) {
            return new Target(URI.create(config.serverUrl()),
                    config.hasCredentials() ? BasicAuth.header(config.username(), config.password()) : null);
        }

        @Override
        public String toString() {
            return "Target[" + SafeText.url(uri.toString()) + "]";
        }
    }

    HttpSender(Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        Timeout response = Timeout.ofMilliseconds(responseTimeout.toMillis());
        this.connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setSocketTimeout(response)
                        // A receiver restarted since the last request leaves a dead pooled connection behind.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                // Tenants often share a host (one per route would cap them together): the engine's limits decide.
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        // The minimal client: no redirects, retries, cookies or auth caching to switch off, and far less work per
        // request than the full one (it matters at tens of thousands a second).
        this.client = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT,
                IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                        .build(),
                connections);
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(response)
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectTimeout.plus(responseTimeout).toMillis()))
                .build();
        client.start();
    }

    /**
     * POSTs {@code body} to the tenant's URL with its credentials; {@code done} runs once, on an I/O thread, with the
     * response or the exception that stopped it. Never throws for I/O trouble.
     */
    void post(TenantConfig target, byte[] body, Consumer<AttemptResult> done) {
        try {
            Target prepared = targets.computeIfAbsent(target, Target::of);
            SimpleRequestBuilder request = SimpleRequestBuilder.post(prepared.uri()).setBody(body, JSON)
                    .setHeader(HttpHeaders.USER_AGENT, USER_AGENT);
            if (prepared.authorization() != null) request.setHeader(HttpHeaders.AUTHORIZATION, prepared.authorization());
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(requestConfig);
            client.execute(SimpleRequestProducer.create(request.build()),
                    new BasicResponseConsumer<Void>(new DiscardingEntityConsumer<>()), context,
                    new FutureCallback<Message<HttpResponse, Void>>() {
                        @Override
                        public void completed(Message<HttpResponse, Void> result) {
                            HttpResponse head = result.getHead();
                            Header retryAfter = head.getFirstHeader(HttpHeaders.RETRY_AFTER);
                            done.accept(new AttemptResult.Response(head.getCode(), head.getReasonPhrase(),
                                    retryAfter == null ? null : retryAfter.getValue()));
                        }

                        @Override
                        public void failed(Exception e) {
                            done.accept(new AttemptResult.Failure(e));
                        }

                        @Override
                        public void cancelled() {
                            done.accept(new AttemptResult.Failure(new CancellationException("request cancelled")));
                        }
                    });
        } catch (Exception e) {
            done.accept(new AttemptResult.Failure(e));
        }
    }

    /** Connections unused for a minute are closed (the engine calls this now and then). */
    void closeIdle() {
        connections.closeIdle(TimeValue.ofMinutes(1));
    }

    /**
     * Closes at once, aborting any request still in flight: the engine has already given them the shutdown grace, and
     * their records were not committed, so the next owner delivers them.
     */
    @Override
    public void close() {
        // Letting the I/O reactor stop on its own first avoids its noisy race (ClosedSelectorException) when closed
        // while still running; requests still in flight are then aborted.
        client.initiateShutdown();
        try {
            client.awaitShutdown(TimeValue.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }

    private static String version() {
        try (InputStream in = HttpSender.class.getResourceAsStream("version.properties")) {
            Properties props = new Properties();
            if (in != null) props.load(in);
            String version = props.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
