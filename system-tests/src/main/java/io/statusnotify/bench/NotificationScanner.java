package io.statusnotify.bench;

import java.nio.charset.StandardCharsets;

/**
 * Picks the three fields the benchmark needs out of a POSTed notification without parsing the whole JSON (the
 * receiver sees tens of thousands a second on the same cores as the sink). Whitespace after the colon is allowed.
 * The first occurrence of each field name counts; one pass finds all three, stopping at the last of them.
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
        int sequence = -1;
        int created = -1;
        int member = -1;
        // Every name starts with a quote: only quotes can start a first occurrence.
        for (int i = 0; i < body.length && (sequence < 0 || created < 0 || member < 0); i++) {
            if (body[i] != '"') continue;
            if (sequence < 0 && startsWith(body, i, SEQUENCE)) sequence = i;
            else if (created < 0 && startsWith(body, i, CREATED)) created = i;
            else if (member < 0 && startsWith(body, i, MEMBER)) member = i;
        }
        return new Fields(number(body, valueStart(body, sequence, SEQUENCE)),
                number(body, valueStart(body, created, CREATED)), string(body, valueStart(body, member, MEMBER)));
    }

    private static long number(byte[] body, int i) {
        if (i < 0 || i >= body.length || body[i] < '0' || body[i] > '9') return -1;
        long value = 0;
        while (i < body.length && body[i] >= '0' && body[i] <= '9') {
            value = value * 10 + (body[i++] - '0');
        }
        return value;
    }

    private static String string(byte[] body, int start) {
        if (start < 0 || start >= body.length || body[start] != '"') return null;
        int end = start + 1;
        while (end < body.length && body[end] != '"') end++;
        return end < body.length ? new String(body, start + 1, end - start - 1, StandardCharsets.UTF_8) : null;
    }

    /** Index of the first byte of the value of the field called {@code name} found at {@code at}, or -1. */
    private static int valueStart(byte[] body, int at, byte[] name) {
        if (at < 0) return -1;
        int i = skipSpace(body, at + name.length);
        if (i >= body.length || body[i] != ':') return -1;
        return skipSpace(body, i + 1);
    }

    private static int skipSpace(byte[] body, int i) {
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) i++;
        return i;
    }

    /** Whether {@code name} is at {@code at}, whose quote the caller has matched already. */
    private static boolean startsWith(byte[] body, int at, byte[] name) {
        if (at + name.length > body.length) return false;
        for (int j = 1; j < name.length; j++) {
            if (body[at + j] != name[j]) return false;
        }
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
