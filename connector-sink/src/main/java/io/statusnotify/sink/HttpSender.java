package io.statusnotify.sink;

import io.statusnotify.schema.TenantConfig;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

/**
 * The HTTP boundary: one POST of a notification to a tenant's server over pooled keep-alive connections. Never
 * follows redirects and never retries on its own (the caller decides, see {@link ResponsePolicy}). Thread-safe.
 */
final class HttpSender implements AutoCloseable {
    static final String USER_AGENT = "statusnotify/" + version();
    /** Exactly {@code application/json}: JSON is UTF-8 by definition (RFC 8259), which defines no charset parameter. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    HttpSender(Duration connectTimeout, Duration responseTimeout) {
        Timeout response = Timeout.ofMilliseconds(responseTimeout.toMillis());
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setSocketTimeout(response)
                        // A receiver restarted since the last request leaves a dead pooled connection behind.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(20)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT)
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
    }

    /** POSTs {@code body} to the tenant's URL with its credentials; never throws for I/O trouble. */
    AttemptResult post(TenantConfig target, byte[] body) {
        try {
            HttpPost request = new HttpPost(target.serverUrl());
            request.setEntity(new ByteArrayEntity(body, JSON));
            if (target.hasCredentials()) {
                request.setHeader(HttpHeaders.AUTHORIZATION, BasicAuth.header(target.username(), target.password()));
            }
            // The handler consumes the entity, so the connection goes back to the pool for reuse.
            return client.execute(request, response -> {
                Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                return new AttemptResult.Response(response.getCode(), response.getReasonPhrase(),
                        retryAfter == null ? null : retryAfter.getValue());
            });
        } catch (Exception e) {
            return new AttemptResult.Failure(e);
        }
    }

    /** Closes at once, aborting any request in flight (used when a shutdown must not wait any longer). */
    void abort() {
        client.close(CloseMode.IMMEDIATE);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.GRACEFUL);
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
