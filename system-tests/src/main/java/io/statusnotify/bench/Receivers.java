package io.statusnotify.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tenants' servers: one non-blocking HTTP/1.1 server on loopback (what a client gets from a plain http:// URL
 * without prior knowledge of HTTP/2) listening on a port per busy tenant, as separate servers would (so the sink
 * keeps a connection pool per tenant), and one port shared by the idle ones; a path per tenant ({@code /<tenant>}),
 * answering 204 — after {@code delayMs} if set, without holding a thread. Every POST goes to the current
 * {@link Recorder}, stamped with its arrival time (when its body has been read).
 * <p>
 * Written on java.nio rather than an HTTP library: the receivers share the cores with the sink they measure, and a
 * general server cost a quarter of the machine. {@link ReceiverReactor} threads do all the work.
 */
final class Receivers implements AutoCloseable {
    private static final int BACKLOG = 4096;
    private final List<ReceiverReactor> reactors = new ArrayList<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private int sharedPort;
    /** Touched only by the thread that accepts. */
    private int nextReactor;
    private volatile Recorder recorder;

    private Receivers() {
    }

    /** @param ownPorts the tenants that get a port of their own; every other tenant shares one */
    static Receivers start(int delayMs, Collection<String> ownPorts) {
        Receivers receivers = new Receivers();
        try {
            receivers.open(TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs)), ownPorts);
            return receivers;
        } catch (IOException e) {
            receivers.close();
            throw new IllegalStateException("cannot start the receivers: " + e, e);
        }
    }

    private void open(long delayNanos, Collection<String> ownPorts) throws IOException {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < threads; i++) {
            reactors.add(new ReceiverReactor("receiver-io-" + i, delayNanos, this::arrived));
        }
        for (String tenant : ownPorts) ports.put(tenant, listen());
        sharedPort = listen();
        reactors.forEach(ReceiverReactor::start);
    }

    private int listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        listeners.add(server);
        server.bind(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
        reactors.get(0).listen(server, this::handOut);
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Round-robin: a busy tenant's pooled connections spread over every reactor. */
    private void handOut(SocketChannel channel) {
        reactors.get(nextReactor).adopt(channel);
        nextReactor = (nextReactor + 1) % reactors.size();
    }

    String url(String tenant) {
        return "http://127.0.0.1:" + ports.getOrDefault(tenant, sharedPort) + "/" + tenant;
    }

    /** From now on, arrivals go to {@code next} (null: counted nowhere). */
    void recordInto(Recorder next) {
        this.recorder = next;
    }

    private void arrived(String tenant, byte[] body, long atMs) {
        Recorder current = recorder;
        if (current != null) current.record(tenant, body, atMs);
    }

    @Override
    public void close() {
        reactors.forEach(ReceiverReactor::stop);
        for (ServerSocketChannel listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    /** The tenant a request target names: its path without the leading slash and the query. */
    static String tenantOf(String target) {
        if (target == null) return "";
        String path = target;
        int scheme = path.indexOf("://");
        if (!path.startsWith("/") && scheme > 0) {
            // Absolute form (http://host/path): only the path names the tenant.
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        String plain = query < 0 ? path : path.substring(0, query);
        return plain.startsWith("/") ? plain.substring(1) : plain;
    }

    interface Arrivals {
        void arrived(String tenant, byte[] body, long atMs);
    }
}
