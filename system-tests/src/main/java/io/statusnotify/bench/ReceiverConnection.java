package io.statusnotify.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One client connection, living on one {@link ReceiverReactor}'s thread: what is read goes through its parser,
 * each whole request is recorded and answered in order, and the answers are written from that thread — those a
 * read completes in one write after it. Reading stops while an answer waits for the socket to take it, so a client
 * that does not read cannot pile answers up.
 */
final class ReceiverConnection implements Http1RequestParser.Listener {
    /** Delayed answers a pipelining client may be owed before its connection stops being read. */
    private static final int MAX_OWED = 1024;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final ReceiverReactor reactor;
    /** The reactor's read buffer, shared by its connections: a read is parsed whole before the next. */
    private final ByteBuffer in;
    private final Http1RequestParser parser = new Http1RequestParser(this);
    /** Answers not yet written, in write mode between flushes. */
    private ByteBuffer out = ByteBuffer.allocate(128);
    /** Answers queued on the reactor (delayed, or behind delayed ones) and not yet in {@link #out}. */
    private int owed;
    private boolean closeWhenAnswered;
    private boolean inputEnded;
    private boolean closed;
    private String lastTarget;
    private String lastTenant;

    ReceiverConnection(SocketChannel channel, Selector selector, ReceiverReactor reactor, ByteBuffer in)
            throws ClosedChannelException {
        this.channel = channel;
        this.reactor = reactor;
        this.in = in;
        this.key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    void readable() {
        in.clear();
        int read;
        try {
            read = channel.read(in);
        } catch (IOException e) {
            close();
            return;
        }
        if (read < 0) {
            // The client may half-close after its last request: it still gets the answers it is owed.
            inputEnded = true;
            closeWhenAnswered = true;
        } else {
            parser.feed(in.array(), in.arrayOffset(), read);
        }
        flush();
    }

    @Override
    public void continueExpected() {
        answer(Answer.CONTINUE, 0);
    }

    @Override
    public void request(String target, byte[] body, Http1RequestParser.Persistence persistence) {
        if (body != null) reactor.arrived(tenantOf(target), body, System.currentTimeMillis());
        answer(Answer.to(persistence), reactor.delayNanos());
    }

    @Override
    public void rejected(int status) {
        answer(Answer.rejecting(status), reactor.delayNanos());
    }

    private void answer(Answer answer, long delayNanos) {
        if (answer.closes) closeWhenAnswered = true;
        if (owed == 0 && delayNanos == 0) {
            append(answer);
        } else {
            // Behind a delayed answer even an immediate one waits its turn: answers go out in request order.
            owed++;
            reactor.later(this, answer, delayNanos);
        }
    }

    /** A queued answer is due. */
    void answerNow(Answer answer) {
        if (closed) return;
        owed--;
        append(answer);
        flush();
    }

    void flush() {
        if (closed) return;
        if (out.position() > 0) {
            out.flip();
            try {
                channel.write(out);
            } catch (IOException e) {
                close();
                return;
            }
            out.compact();
        }
        boolean pending = out.position() > 0;
        if (!pending && owed == 0 && closeWhenAnswered) {
            discardUnread();
            close();
            return;
        }
        int ops = pending ? SelectionKey.OP_WRITE : inputEnded || owed >= MAX_OWED ? 0 : SelectionKey.OP_READ;
        if (key.interestOps() != ops) key.interestOps(ops);
    }

    void close() {
        closed = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }

    /**
     * Closing a socket with unread bytes resets the connection, which may throw away the answer before the client
     * reads it (a rejected request's rest, say): what has arrived is read first.
     */
    private void discardUnread() {
        if (inputEnded) return;
        try {
            for (int reads = 0; reads < 16; reads++) {
                in.clear();
                if (channel.read(in) <= 0) return;
            }
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    private void append(Answer answer) {
        if (out.remaining() < answer.bytes.length) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + answer.bytes.length));
            out.flip();
            out = larger.put(out);
        }
        out.put(answer.bytes);
    }

    /** A connection nearly always posts to one path: its tenant is worked out once. */
    private String tenantOf(String target) {
        if (!target.equals(lastTarget)) {
            lastTarget = target;
            lastTenant = Receivers.tenantOf(target);
        }
        return lastTenant;
    }
}
