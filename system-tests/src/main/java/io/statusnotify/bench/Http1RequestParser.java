package io.statusnotify.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads HTTP/1.x requests from bytes as they arrive: split anywhere, several in one read (pipelined). Header lines
 * are looked at as they end (a line is copied only when a read splits it) and body bytes go straight into the array
 * the recorder gets, so nothing but the body is allocated per request. Keeps only what the receivers need: the
 * target, the body and whether the connection stays open. After a rejection, or a request that closes the
 * connection, it reads nothing more. One per connection; not thread-safe.
 */
final class Http1RequestParser {
    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** What the connection does after answering a request. */
    enum Persistence { KEEP_ALIVE, KEEP_ALIVE_HTTP_1_0, CLOSE }

    interface Listener {
        /** The head asked ({@code Expect: 100-continue}) to be told to go on before it sends the body. */
        void continueExpected();

        /** A whole request; {@code body} is null when it has none (or an empty one). */
        void request(String target, byte[] body, Persistence persistence);

        /** 400 (malformed) or 413 (too large): nothing after it is read. */
        void rejected(int status);
    }

    private enum State { REQUEST_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private final Listener listener;
    private State state = State.REQUEST_LINE;
    private final RequestHead head = new RequestHead();
    private byte[] line = new byte[256];
    private int lineLength;
    /** Bytes of the head, trailer block or chunk-size line being read, against {@link #MAX_HEAD_BYTES}. */
    private int sectionBytes;
    private byte[] body;
    private int bodyLength;
    private long chunkLeft;
    private byte[] lastTarget = new byte[0];
    private String lastTargetText = "";

    Http1RequestParser(Listener listener) {
        this.listener = listener;
    }

    void feed(byte[] data, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end && state != State.DONE) {
            at = switch (state) {
                case BODY -> fixedBody(data, at, end);
                case CHUNK_DATA -> chunkData(data, at, end);
                default -> line(data, at, end);
            };
        }
    }

    private int line(byte[] data, int from, int end) {
        int lf = from;
        while (lf < end && data[lf] != '\n') lf++;
        sectionBytes += (lf < end ? lf + 1 : end) - from;
        if (sectionBytes > MAX_HEAD_BYTES) {
            reject(413);
            return end;
        }
        if (lf == end) {
            keep(data, from, end);
            return end;
        }
        if (lineLength == 0) {
            lineEnded(data, from, withoutCr(data, from, lf));
        } else {
            keep(data, from, lf);
            int length = lineLength;
            lineLength = 0;
            lineEnded(line, 0, withoutCr(line, 0, length));
        }
        return lf + 1;
    }

    private void keep(byte[] data, int from, int to) {
        int needed = lineLength + to - from;
        if (needed > line.length) line = Arrays.copyOf(line, Math.max(needed, line.length * 2));
        System.arraycopy(data, from, line, lineLength, to - from);
        lineLength = needed;
    }

    private static int withoutCr(byte[] b, int from, int to) {
        return to > from && b[to - 1] == '\r' ? to - 1 : to;
    }

    private void lineEnded(byte[] b, int from, int to) {
        boolean empty = from == to;
        switch (state) {
            case REQUEST_LINE -> {
                // An empty line before a request is allowed (RFC 9112 §2.2).
                if (!empty) requestLine(b, from, to);
            }
            case HEADERS -> {
                if (empty) headEnded();
                else if (!head.field(b, from, to)) reject(head.status());
            }
            case CHUNK_SIZE -> chunkSize(b, from, to);
            case CHUNK_END -> {
                if (!empty) reject(400);
                else startSection(State.CHUNK_SIZE);
            }
            case TRAILERS -> {
                if (empty) complete(bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength));
            }
            default -> throw new IllegalStateException("not a line state: " + state);
        }
    }

    private void requestLine(byte[] b, int from, int to) {
        int firstSpace = Ascii.indexOf(b, from, to, (byte) ' ');
        int secondSpace = firstSpace < 0 ? -1 : Ascii.indexOf(b, firstSpace + 1, to, (byte) ' ');
        if (secondSpace < 0 || !Ascii.isToken(b, from, firstSpace) || !Ascii.isVisible(b, firstSpace + 1, secondSpace)
                || !head.version(b, secondSpace + 1, to)) {
            reject(400);
            return;
        }
        head.target = target(b, firstSpace + 1, secondSpace);
        state = State.HEADERS;
    }

    /** The same String as last time when the target is the same (a connection nearly always posts to one path). */
    private String target(byte[] b, int from, int to) {
        if (!Arrays.equals(lastTarget, 0, lastTarget.length, b, from, to)) {
            lastTarget = Arrays.copyOfRange(b, from, to);
            lastTargetText = new String(lastTarget, StandardCharsets.ISO_8859_1);
        }
        return lastTargetText;
    }

    private void headEnded() {
        int invalid = head.framingError();
        if (invalid != 0) {
            reject(invalid);
        } else if (head.chunked) {
            body = null;
            startSection(State.CHUNK_SIZE);
            if (head.expectContinue) listener.continueExpected();
        } else if (head.contentLength > 0) {
            body = new byte[(int) head.contentLength];
            state = State.BODY;
            if (head.expectContinue) listener.continueExpected();
        } else {
            complete(null);
        }
    }

    private int fixedBody(byte[] data, int from, int end) {
        int n = Math.min(end - from, body.length - bodyLength);
        System.arraycopy(data, from, body, bodyLength, n);
        bodyLength += n;
        if (bodyLength == body.length) complete(body);
        return from + n;
    }

    private void chunkSize(byte[] b, int from, int to) {
        long size = 0;
        int i = from;
        for (; i < to && Ascii.hexValue(b[i]) >= 0; i++) {
            size = size * 16 + Ascii.hexValue(b[i]);
            if (bodyLength + size > MAX_BODY_BYTES) {
                reject(413);
                return;
            }
        }
        int rest = Ascii.skipSpace(b, i, to);
        // Chunk extensions (after ';') are allowed and ignored.
        if (i == from || rest < to && b[rest] != ';') {
            reject(400);
        } else if (size == 0) {
            if (body == null) body = new byte[0];
            startSection(State.TRAILERS);
        } else {
            growBody((int) (bodyLength + size));
            chunkLeft = size;
            state = State.CHUNK_DATA;
        }
    }

    /** A body of one chunk (the usual) is allocated at its size; one of more grows by doubling. */
    private void growBody(int needed) {
        if (body == null) {
            body = new byte[needed];
        } else if (body.length < needed) {
            body = Arrays.copyOf(body, Math.max(needed, Math.min(MAX_BODY_BYTES, 2 * body.length)));
        }
    }

    private int chunkData(byte[] data, int from, int end) {
        int n = (int) Math.min(end - from, chunkLeft);
        System.arraycopy(data, from, body, bodyLength, n);
        bodyLength += n;
        chunkLeft -= n;
        if (chunkLeft == 0) startSection(State.CHUNK_END);
        return from + n;
    }

    private void complete(byte[] content) {
        String target = head.target;
        Persistence persistence = head.persistence();
        head.reset();
        body = null;
        bodyLength = 0;
        if (persistence == Persistence.CLOSE) state = State.DONE;
        else startSection(State.REQUEST_LINE);
        listener.request(target, content == null || content.length == 0 ? null : content, persistence);
    }

    private void startSection(State next) {
        state = next;
        sectionBytes = 0;
    }

    private void reject(int status) {
        state = State.DONE;
        body = null;
        listener.rejected(status);
    }
}
