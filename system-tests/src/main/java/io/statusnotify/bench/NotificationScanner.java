package io.statusnotify.bench;

import java.nio.charset.StandardCharsets;

/**
 * Picks the three fields the benchmark needs out of a POSTed notification without parsing the whole JSON (the
 * receiver sees tens of thousands a second on the same cores as the sink). Whitespace after the colon is allowed.
 */
final class NotificationScanner {
    private static final byte[] SEQUENCE = bytes("\"sequenceNum\"");
    private static final byte[] CREATED = bytes("\"creationTimestamp\"");
    private static final byte[] MEMBER = bytes("\"memberID\"");

    /** What was found; a missing number is -1, a missing member id null. */
    record Fields(long sequenceNum, long creationTimestamp, String memberId) {
        boolean complete() {
            return sequenceNum >= 0 && creationTimestamp >= 0 && memberId != null;
        }
    }

    private NotificationScanner() {
    }

    static Fields scan(byte[] body) {
        return new Fields(number(body, SEQUENCE), number(body, CREATED), string(body, MEMBER));
    }

    private static long number(byte[] body, byte[] name) {
        int i = valueStart(body, name);
        if (i < 0 || i >= body.length || body[i] < '0' || body[i] > '9') return -1;
        long value = 0;
        while (i < body.length && body[i] >= '0' && body[i] <= '9') {
            value = value * 10 + (body[i++] - '0');
        }
        return value;
    }

    private static String string(byte[] body, byte[] name) {
        int start = valueStart(body, name);
        if (start < 0 || start >= body.length || body[start] != '"') return null;
        int end = start + 1;
        while (end < body.length && body[end] != '"') end++;
        return end < body.length ? new String(body, start + 1, end - start - 1, StandardCharsets.UTF_8) : null;
    }

    /** Index of the first byte of the value of the first field called {@code name}, or -1. */
    private static int valueStart(byte[] body, byte[] name) {
        int at = indexOf(body, name);
        if (at < 0) return -1;
        int i = skipSpace(body, at + name.length);
        if (i >= body.length || body[i] != ':') return -1;
        return skipSpace(body, i + 1);
    }

    private static int skipSpace(byte[] body, int i) {
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) i++;
        return i;
    }

    private static int indexOf(byte[] body, byte[] name) {
        outer:
        for (int i = 0; i <= body.length - name.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (body[i + j] != name[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
