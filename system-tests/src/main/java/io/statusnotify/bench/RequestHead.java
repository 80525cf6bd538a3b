package io.statusnotify.bench;

/**
 * What {@link Http1RequestParser} keeps of a request's head: its target, its version and the few header fields
 * that frame the body or decide whether the connection stays open. Every other field (Upgrade: h2c among them) is
 * ignored. Reused from one request to the next.
 */
final class RequestHead {
    private static final byte[] CONTENT_LENGTH = Ascii.bytes("content-length");
    private static final byte[] TRANSFER_ENCODING = Ascii.bytes("transfer-encoding");
    private static final byte[] CONNECTION = Ascii.bytes("connection");
    private static final byte[] EXPECT = Ascii.bytes("expect");
    private static final byte[] CHUNKED = Ascii.bytes("chunked");
    private static final byte[] CLOSE = Ascii.bytes("close");
    private static final byte[] KEEP_ALIVE = Ascii.bytes("keep-alive");
    private static final byte[] CONTINUE = Ascii.bytes("100-continue");

    String target;
    boolean http10;
    long contentLength = -1;
    boolean transferEncoded;
    boolean chunked;
    boolean close;
    boolean keepAliveAsked;
    boolean expectContinue;
    private int status;

    void reset() {
        target = null;
        http10 = false;
        contentLength = -1;
        transferEncoded = false;
        chunked = false;
        close = false;
        keepAliveAsked = false;
        expectContinue = false;
        status = 0;
    }

    /** Takes {@code HTTP/1.x}; false for anything else. */
    boolean version(byte[] b, int from, int to) {
        if (to - from != 8 || b[from] != 'H' || b[from + 1] != 'T' || b[from + 2] != 'T' || b[from + 3] != 'P'
                || b[from + 4] != '/' || b[from + 5] != '1' || b[from + 6] != '.' || !Ascii.isDigit(b[from + 7])) {
            return false;
        }
        http10 = b[from + 7] == '0';
        return true;
    }

    /** Reads one header line; false (see {@link #status()}) when it is malformed or announces too large a body. */
    boolean field(byte[] b, int from, int to) {
        int colon = from;
        while (colon < to && b[colon] != ':') colon++;
        // No whitespace may precede the colon, nor start the line (obsolete folding): both are rejected.
        if (colon == to || !Ascii.isToken(b, from, colon)) return fail(400);
        int valueFrom = Ascii.skipSpace(b, colon + 1, to);
        int valueTo = Ascii.trimSpace(b, valueFrom, to);
        if (Ascii.equalsIgnoreCase(b, from, colon, CONTENT_LENGTH)) return contentLength(b, valueFrom, valueTo);
        if (Ascii.equalsIgnoreCase(b, from, colon, TRANSFER_ENCODING)) {
            transferEncoded = true;
            // Only the last coding frames the message; the receivers take chunked bodies only.
            chunked = Ascii.lastTokenIs(b, valueFrom, valueTo, CHUNKED);
        } else if (Ascii.equalsIgnoreCase(b, from, colon, CONNECTION)) {
            close |= Ascii.hasToken(b, valueFrom, valueTo, CLOSE);
            keepAliveAsked |= Ascii.hasToken(b, valueFrom, valueTo, KEEP_ALIVE);
        } else if (Ascii.equalsIgnoreCase(b, from, colon, EXPECT)) {
            expectContinue = Ascii.equalsIgnoreCase(b, valueFrom, valueTo, CONTINUE);
        }
        return true;
    }

    private boolean contentLength(byte[] b, int from, int to) {
        if (from == to) return fail(400);
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!Ascii.isDigit(b[i])) return fail(400);
            value = value * 10 + (b[i] - '0');
            if (value > Http1RequestParser.MAX_BODY_BYTES) return fail(413);
        }
        if (contentLength >= 0 && contentLength != value) return fail(400);
        contentLength = value;
        return true;
    }

    /** 400 when the body's framing cannot be trusted (RFC 9112 §6.3), else 0. */
    int framingError() {
        if (!transferEncoded) return 0;
        return chunked && contentLength < 0 ? 0 : 400;
    }

    Http1RequestParser.Persistence persistence() {
        if (close) return Http1RequestParser.Persistence.CLOSE;
        if (!http10) return Http1RequestParser.Persistence.KEEP_ALIVE;
        return keepAliveAsked ? Http1RequestParser.Persistence.KEEP_ALIVE_HTTP_1_0
                : Http1RequestParser.Persistence.CLOSE;
    }

    int status() {
        return status;
    }

    private boolean fail(int status) {
        this.status = status;
        return false;
    }
}
