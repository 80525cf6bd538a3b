package io.statusnotify.sink;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP clients by TLS material: the shared one (system CAs plus {@code SNS_TLS_CA_BUNDLE}) for every tenant
 * without material of its own, and one per distinct tenant material, made on first use and closed after
 * {@link #OWN_CLIENT_IDLE} unused. All of them resolve through the same checked resolver.
 */
final class TlsClients implements AutoCloseable {
    static final Duration OWN_CLIENT_IDLE = Duration.ofMinutes(5);

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final CheckedDnsResolver resolver;
    private final List<X509Certificate> extraCas;
    private final PooledClient shared;
    private final Map<SendTarget.OwnTls, PooledClient> own = new ConcurrentHashMap<>();

    TlsClients(Duration connectTimeout, Duration responseTimeout, int maxConnections, DestinationPolicy policy,
               List<X509Certificate> extraCas) {
        this(connectTimeout, responseTimeout, maxConnections, new CheckedDnsResolver(policy), extraCas);
    }

    TlsClients(Duration connectTimeout, Duration responseTimeout, int maxConnections, CheckedDnsResolver resolver,
               List<X509Certificate> extraCas) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.maxConnections = maxConnections;
        this.resolver = resolver;
        this.extraCas = List.copyOf(extraCas);
        this.shared = new PooledClient(connectTimeout, responseTimeout, maxConnections,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), TlsContexts.shared(this.extraCas), resolver);
    }

    /**
     * The client for {@code tls} (null: the shared one), counted as in use until {@link PooledClient#finished()}: taken
     * atomically with respect to {@link #closeIdle()}, which runs on another thread.
     */
    PooledClient acquire(SendTarget.OwnTls tls) {
        if (tls == null) {
            shared.started();
            return shared;
        }
        return own.compute(tls, (material, existing) -> {
            PooledClient pooled = existing != null ? existing : new PooledClient(connectTimeout, responseTimeout,
                    maxConnections, 1, TlsContexts.forTenant(material.asConfig(), extraCas), resolver);
            pooled.started();
            return pooled;
        });
    }

    CheckedDnsResolver resolver() {
        return resolver;
    }

    /** Idle connections of every client are closed, and a tenant's own client unused for {@link #OWN_CLIENT_IDLE}. */
    void closeIdle() {
        shared.closeIdle();
        for (SendTarget.OwnTls tls : List.copyOf(own.keySet())) {
            PooledClient[] unused = new PooledClient[1];
            own.computeIfPresent(tls, (material, pooled) -> {
                if (!pooled.unusedFor(OWN_CLIENT_IDLE)) return pooled;
                unused[0] = pooled;
                return null;
            });
            if (unused[0] != null) {
                unused[0].close();
            } else {
                PooledClient pooled = own.get(tls);
                if (pooled != null) pooled.closeIdle();
            }
        }
    }

    @Override
    public void close() {
        own.values().forEach(PooledClient::close);
        own.clear();
        shared.close();
        resolver.close();
    }
}
