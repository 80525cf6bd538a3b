package io.statusnotify.cli;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.UserStatusEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JSON lines of portal events, each checked with the project's strict reader (the streams app's): the good ones
 * with the key the portal uses ({@code tenant/memberID}), the bad ones with line number and reason. Blank lines
 * are ignored.
 */
record EventLines(List<Good> good, List<Bad> bad) {
    /** Larger events would not fit a notification record (the apps' default SNS_MAX_RECORD_BYTES). */
    static final int MAX_LINE_BYTES = 1_000_000;

    record Good(int line, String key, byte[] value) {
    }

    record Bad(int line, String reason, String message) {
    }

    static EventLines parse(byte[] input) {
        List<Good> good = new ArrayList<>();
        List<Bad> bad = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < input.length) {
            int end = indexOf(input, (byte) '\n', start);
            lineNumber++;
            byte[] line = Arrays.copyOfRange(input, start, end > start && input[end - 1] == '\r' ? end - 1 : end);
            start = end + 1;
            if (new String(line, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                continue;
            }
            if (line.length > MAX_LINE_BYTES) {
                bad.add(new Bad(lineNumber, "too-large", line.length + " bytes, at most " + MAX_LINE_BYTES));
                continue;
            }
            try {
                UserStatusEvent event = Json.read(line, UserStatusEvent.class).requireValid();
                good.add(new Good(lineNumber, event.userKey(), line));
            } catch (BadRecordException e) {
                bad.add(new Bad(lineNumber, e.reason(), e.getMessage()));
            }
        }
        return new EventLines(good, bad);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) return i;
        }
        return bytes.length;
    }
}
