package io.statusnotify.sink.http;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP clients by TLS material: the shared one (system CAs plus {@code SNS_TLS_CA_BUNDLE}) for every tenant
 * without material of its own, and one per distinct tenant material, made on first use and closed after
 * {@link #OWN_CLIENT_IDLE} unused. All of them resolve through the same checked resolver.
 *
 * <p>A tenant's own client is built on a {@value #BUILD_THREAD} thread ({@link #ready}): building one (TLS context,
 * I/O reactor) takes tens of milliseconds, more with a long CA list, and the caller is the delivery thread, which
 * every other tenant waits on.
 */
final class TlsClients implements AutoCloseable {
    static final Duration OWN_CLIENT_IDLE = Duration.ofMinutes(5);
    static final String BUILD_THREAD = "sink-tls-client";
    private static final CompletableFuture<Void> BUILT = CompletableFuture.completedFuture(null);

    /** Makes a tenant's own client (the seam through which a test makes that slow or failing). */
    @FunctionalInterface
    interface OwnClientFactory {
        PooledClient make(SendTarget.OwnTls material);
    }

    private final CheckedDnsResolver resolver;
    private final OwnClientFactory ownClients;
    private final PooledClient shared;
    private final Map<SendTarget.OwnTls, PooledClient> own = new ConcurrentHashMap<>();
    /** Builds under way, one per material: later callers for the same material wait for the same one. */
    private final Map<SendTarget.OwnTls, CompletableFuture<Void>> building = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor builders;
    /** Guards publishing a built client against {@link #close()}, so none is left open after it. */
    private final Object lifecycle = new Object();
    private boolean closed;

    TlsClients(Duration connectTimeout, Duration responseTimeout, int maxConnections, DestinationPolicy policy,
               List<X509Certificate> extraCas) {
        this(connectTimeout, responseTimeout, maxConnections, new CheckedDnsResolver(policy), extraCas);
    }

    TlsClients(Duration connectTimeout, Duration responseTimeout, int maxConnections, CheckedDnsResolver resolver,
               List<X509Certificate> extraCas) {
        this(connectTimeout, responseTimeout, maxConnections, resolver, extraCas,
                ownClients(connectTimeout, responseTimeout, maxConnections, resolver, extraCas));
    }

    TlsClients(Duration connectTimeout, Duration responseTimeout, int maxConnections, CheckedDnsResolver resolver,
               List<X509Certificate> extraCas, OwnClientFactory ownClients) {
        this.resolver = resolver;
        this.ownClients = ownClients;
        this.shared = new PooledClient(connectTimeout, responseTimeout, maxConnections, sharedIoThreads(),
                TlsContexts.shared(List.copyOf(extraCas)), resolver);
        // Two threads: builds are CPU work, and one tenant's long CA list should not hold up every other's build.
        this.builders = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, BUILD_THREAD);
            thread.setDaemon(true);
            return thread;
        });
        builders.allowCoreThreadTimeOut(true);
    }

    /** The real clients: {@code material}'s TLS context, the checked resolver, one I/O thread. */
    static OwnClientFactory ownClients(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                                       CheckedDnsResolver resolver, List<X509Certificate> extraCas) {
        List<X509Certificate> cas = List.copyOf(extraCas);
        return material -> new PooledClient(connectTimeout, responseTimeout, maxConnections, 1,
                TlsContexts.forTenant(material.asConfig(), cas), resolver);
    }

    /**
     * Completes once the client for {@code tls} is built: at once (always the same future) for the shared one
     * (null) and a built one, else when a build on a {@value #BUILD_THREAD} thread ends; exceptionally with the
     * build's own exception when it fails, which is not kept: the next call builds again. Then {@link #acquire}.
     */
    CompletableFuture<Void> ready(SendTarget.OwnTls tls) {
        if (tls == null || own.containsKey(tls)) return BUILT;
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> pending = building.putIfAbsent(tls, fresh);
        if (pending != null) return pending;
        // A build that ended between the look into own and claiming the slot left its client there.
        if (own.containsKey(tls)) {
            building.remove(tls, fresh);
            fresh.complete(null);
            return fresh;
        }
        try {
            builders.execute(() -> build(tls, fresh));
        } catch (RejectedExecutionException e) {
            building.remove(tls, fresh);
            fresh.completeExceptionally(new CancellationException("request cancelled"));
        }
        return fresh;
    }

    private void build(SendTarget.OwnTls tls, CompletableFuture<Void> pending) {
        PooledClient made;
        try {
            made = ownClients.make(tls);
        } catch (Throwable e) {
            // Out of the map before the waiters hear of it, so the next attempt builds again.
            building.remove(tls, pending);
            pending.completeExceptionally(e);
            return;
        }
        boolean late;
        PooledClient kept;
        synchronized (lifecycle) {
            late = closed;
            kept = late ? null : own.putIfAbsent(tls, made);
            building.remove(tls, pending);
        }
        if (late || kept != null) made.close();
        if (late) {
            pending.completeExceptionally(new CancellationException("request cancelled"));
        } else {
            pending.complete(null);
        }
    }

    /**
     * The client for {@code tls} (null: the shared one), counted as in use until {@link PooledClient#finished()}:
     * taken atomically with respect to {@link #closeIdle()}, which runs on another thread. Null when that tenant's
     * client is not built (any more: closed for being unused since {@link #ready} said it was): ask that again.
     */
    PooledClient acquire(SendTarget.OwnTls tls) {
        if (tls == null) {
            shared.started();
            return shared;
        }
        return own.computeIfPresent(tls, (material, pooled) -> {
            pooled.started();
            return pooled;
        });
    }

    /** The exception a future from {@link #ready} failed with: the build's own, as a request's failure. */
    static Exception failure(CompletableFuture<Void> built) {
        try {
            built.join();
            throw new IllegalStateException("the client was built");
        } catch (CompletionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (CancellationException e) {
            return e;
        }
    }

    /**
     * At least four I/O threads even on two cores: measured with ./benchmark on a 2-core machine, four drained 10-15 %
     * faster than two (three A/B pairs, less CPU per delivery in each); one was far slower.
     */
    static int sharedIoThreads() {
        return Math.max(4, Math.min(8, Runtime.getRuntime().availableProcessors()));
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

    /** Closes every client; one still being built is closed when its build ends, and its waiters fail now. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
        }
        // Shut down before looking at the builds under way: one claimed after this look is refused by the executor.
        builders.shutdownNow();
        building.values().forEach(pending -> pending.completeExceptionally(new CancellationException("request cancelled")));
        own.values().forEach(PooledClient::close);
        own.clear();
        shared.close();
        resolver.close();
        try {
            // A build under way closes its client when it ends: give it the moment it needs, but never wait long.
            builders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
