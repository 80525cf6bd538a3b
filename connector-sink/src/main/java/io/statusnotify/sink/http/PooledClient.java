package io.statusnotify.sink.http;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP client with its connection pool, TLS context and checked DNS resolver. Never follows redirects, never
 * retries on its own. The shared one serves every tenant without TLS material of its own; such a tenant gets one
 * of these for its material.
 */
final class PooledClient implements AutoCloseable {
    final MinimalHttpAsyncClient client;
    private final PoolingAsyncClientConnectionManager connections;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastUsedNanos = System.nanoTime();

    PooledClient(Duration connectTimeout, Duration responseTimeout, int maxConnections, int ioThreads,
                 SSLContext tls, DnsResolver resolver) {
        this.connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis()))
                        // A receiver restarted since the last request leaves a dead pooled connection behind.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                // Host names are verified by the default verifier: never switched off.
                .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildAsync())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                .setDnsResolver(resolver)
                // Tenants often share a host (one per route would cap them together): the engine's limits decide.
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        // The minimal client: no redirects, retries, cookies or auth caching to switch off, and far less work per
        // request than the full one (it matters at tens of thousands a second).
        this.client = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT,
                IOReactorConfig.custom().setIoThreadCount(ioThreads).build(), connections);
        client.start();
    }

    void started() {
        inFlight.incrementAndGet();
        lastUsedNanos = System.nanoTime();
    }

    void finished() {
        inFlight.decrementAndGet();
        lastUsedNanos = System.nanoTime();
    }

    boolean unusedFor(Duration idle) {
        return inFlight.get() == 0 && System.nanoTime() - lastUsedNanos > idle.toNanos();
    }

    void closeIdle() {
        connections.closeIdle(TimeValue.ofMinutes(1));
    }

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
}
