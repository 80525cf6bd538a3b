package io.statusnotify.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One selector thread of the receivers: reads, parses and answers its connections. Delayed answers wait in a
 * queue here and go out when due, so no thread is held for them; the delay being the same for all, the queue is
 * in due order. The reactor given the listening sockets accepts connections and hands them out.
 */
final class ReceiverReactor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverReactor.class);
    private final Selector selector;
    private final Thread thread;
    private final long delayNanos;
    private final Receivers.Arrivals arrivals;
    private final Queue<SocketChannel> handedOver = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Owed> owed = new ArrayDeque<>();
    /** Shared by this thread's connections. */
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private Consumer<SocketChannel> accepted;
    private volatile boolean running = true;

    private record Owed(long dueNanos, ReceiverConnection connection, Answer answer) {
    }

    ReceiverReactor(String name, long delayNanos, Receivers.Arrivals arrivals) throws IOException {
        this.selector = Selector.open();
        this.delayNanos = delayNanos;
        this.arrivals = arrivals;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    /** Before {@link #start()}: accepts on {@code server}, handing each new connection to {@code accepted}. */
    void listen(ServerSocketChannel server, Consumer<SocketChannel> accepted) throws IOException {
        this.accepted = accepted;
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    void start() {
        thread.start();
    }

    /** Takes over a newly accepted connection (from any thread). */
    void adopt(SocketChannel channel) {
        if (Thread.currentThread() == thread) {
            register(channel);
        } else {
            handedOver.add(channel);
            selector.wakeup();
        }
    }

    long delayNanos() {
        return delayNanos;
    }

    void arrived(String tenant, byte[] body, long atMs) {
        arrivals.arrived(tenant, body, atMs);
    }

    void later(ReceiverConnection connection, Answer answer, long afterNanos) {
        owed.addLast(new Owed(System.nanoTime() + afterNanos, connection, answer));
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(this::ready, millisToNextDue());
                registerHandedOver();
                answerDue();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) LOG.warn("receiver I/O thread stopped: {}", e.toString());
        } finally {
            closeAll();
        }
    }

    void stop() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            closeAll();
            return;
        }
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) LOG.warn("{} did not stop", thread.getName());
    }

    private void ready(SelectionKey key) {
        try {
            if (!key.isValid()) return;
            if (key.attachment() instanceof ReceiverConnection connection) {
                if (key.isWritable()) connection.flush();
                else if (key.isReadable()) connection.readable();
            } else if (key.isAcceptable()) {
                accept((ServerSocketChannel) key.channel());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("receiver: {}", e.toString());
            if (key.attachment() instanceof ReceiverConnection connection) connection.close();
        }
    }

    private void accept(ServerSocketChannel server) throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            accepted.accept(client);
        }
    }

    private void registerHandedOver() {
        SocketChannel channel;
        while ((channel = handedOver.poll()) != null) register(channel);
    }

    private void register(SocketChannel channel) {
        try {
            new ReceiverConnection(channel, selector, this, in);
        } catch (IOException e) {
            closeQuietly(channel);
        }
    }

    private long millisToNextDue() {
        Owed next = owed.peekFirst();
        if (next == null) return 0;
        long nanos = next.dueNanos() - System.nanoTime();
        // select(0) would wait forever.
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    private void answerDue() {
        long now = System.nanoTime();
        Owed next;
        while ((next = owed.peekFirst()) != null && next.dueNanos() - now <= 0) {
            owed.pollFirst();
            next.connection().answerNow(next.answer());
        }
    }

    private void closeAll() {
        try {
            for (SelectionKey key : selector.keys()) closeQuietly(key.channel());
            selector.close();
        } catch (IOException | ClosedSelectorException e) {
            LOG.debug("closing the receiver selector: {}", e.toString());
        }
        SocketChannel channel;
        while ((channel = handedOver.poll()) != null) closeQuietly(channel);
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }
}
