package io.statusnotify.bench;

import java.nio.charset.StandardCharsets;

/** Byte-level helpers for reading HTTP heads without decoding them to Strings. */
final class Ascii {
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private Ascii() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    /** A non-empty RFC 9110 token (method, header name). */
    static boolean isToken(byte[] b, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c);
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) return false;
        }
        return true;
    }

    /** Non-empty and printable, without spaces (a request target). */
    static boolean isVisible(byte[] b, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            if (b[i] < 0x21 || b[i] > 0x7e) return false;
        }
        return true;
    }

    static int indexOf(byte[] b, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (b[i] == wanted) return i;
        }
        return -1;
    }

    static int skipSpace(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) from++;
        return from;
    }

    /** The end of {@code [from, to)} without its trailing spaces. */
    static int trimSpace(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) to--;
        return to;
    }

    /** Whether {@code [from, to)} is {@code lowerCase}, ignoring the case of letters. */
    static boolean equalsIgnoreCase(byte[] b, int from, int to, byte[] lowerCase) {
        if (to - from != lowerCase.length) return false;
        for (int i = 0; i < lowerCase.length; i++) {
            byte c = b[from + i];
            if (c >= 'A' && c <= 'Z') c = (byte) (c + ('a' - 'A'));
            if (c != lowerCase[i]) return false;
        }
        return true;
    }

    /** Whether the comma-separated list in {@code [from, to)} holds {@code lowerCase}. */
    static boolean hasToken(byte[] b, int from, int to, byte[] lowerCase) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == ',') {
                int tokenFrom = skipSpace(b, start, i);
                if (equalsIgnoreCase(b, tokenFrom, trimSpace(b, tokenFrom, i), lowerCase)) return true;
                start = i + 1;
            }
        }
        return false;
    }

    /** Whether the last element of the comma-separated list in {@code [from, to)} is {@code lowerCase}. */
    static boolean lastTokenIs(byte[] b, int from, int to, byte[] lowerCase) {
        int comma = to;
        while (comma > from && b[comma - 1] != ',') comma--;
        int tokenFrom = skipSpace(b, comma, to);
        return equalsIgnoreCase(b, tokenFrom, trimSpace(b, tokenFrom, to), lowerCase);
    }
}
