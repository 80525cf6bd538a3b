package io.statusnotify.sink.http;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The connection manager's resolver: resolves a host (IP literals included) and refuses it unless every address is
 * allowed by the {@link DestinationPolicy}. The connection then goes to exactly these addresses, so a second DNS
 * answer cannot swap in another one (no rebinding window).
 *
 * <p>Lookups run on threads of their own ({@link #ready}): the client resolves while it connects, on the thread that
 * starts the request, which is the delivery thread; a tenant whose DNS server hangs must not stall every other
 * tenant. Answers are kept {@value #FRESH_SECONDS} s (failures {@value #FAILED_SECONDS} s).
 */
final class CheckedDnsResolver implements DnsResolver, AutoCloseable {
    static final int FRESH_SECONDS = 30;
    static final int FAILED_SECONDS = 5;
    private static final CompletableFuture<Void> KNOWN = CompletableFuture.completedFuture(null);
    private final DestinationPolicy policy;
    private final DnsResolver system;
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();
    private final ExecutorService lookupThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dns-lookup");
        thread.setDaemon(true);
        return thread;
    });

    private record Lookup(CompletableFuture<InetAddress[]> addresses, long startedAt) {
        boolean usable(long now) {
            if (!addresses.isDone()) return true;
            long age = now - startedAt;
            return addresses.isCompletedExceptionally() ? age < FAILED_SECONDS * 1_000_000_000L
                    : age < FRESH_SECONDS * 1_000_000_000L;
        }
    }

    CheckedDnsResolver(DestinationPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    CheckedDnsResolver(DestinationPolicy policy, DnsResolver system) {
        this.policy = policy;
        this.system = system;
    }

    /**
     * Completes (never exceptionally) once {@code host}'s addresses, or its failure, are known: at once when they
     * are, else after a lookup on a lookup thread. Requests for the host start when it completes.
     */
    CompletableFuture<Void> ready(String host) {
        long now = System.nanoTime();
        Lookup known = lookups.get(host);
        if (known != null && known.addresses().isDone() && known.usable(now)) return KNOWN;
        Lookup lookup = lookups.compute(host, (name, kept) -> kept != null && kept.usable(now) ? kept
                : new Lookup(CompletableFuture.supplyAsync(() -> lookUp(name), lookupThreads), now));
        return lookup.addresses().handle((addresses, error) -> null);
    }

    private InetAddress[] lookUp(String host) {
        try {
            return system.resolve(host);
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = known(host);
        for (InetAddress address : addresses) {
            // One refused address refuses the host: a name that mixes them is exactly what a rebinding attack uses.
            String refusal = policy.refusal(address).orElse(null);
            if (refusal != null) {
                boolean literal = host.equals(address.getHostAddress());
                throw new DestinationRefusedException(refusal + (literal ? "" : " (resolved from " + host + ")"));
            }
        }
        return addresses;
    }

    /** The kept answer when there is one (as {@link #ready} left it), else a lookup now. */
    private InetAddress[] known(String host) throws UnknownHostException {
        Lookup lookup = lookups.get(host);
        if (lookup == null || !lookup.addresses().isDone() || !lookup.usable(System.nanoTime())) return system.resolve(host);
        try {
            return lookup.addresses().join().clone();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                UnknownHostException again = new UnknownHostException(unknown.getMessage());
                again.initCause(unknown);
                throw again;
            }
            return system.resolve(host);
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (InetAddress address : resolve(host)) sockets.add(new InetSocketAddress(address, port));
        return sockets;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }

    @Override
    public void close() {
        lookupThreads.shutdownNow();
    }
}
