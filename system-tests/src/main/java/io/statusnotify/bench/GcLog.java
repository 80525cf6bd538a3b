package io.statusnotify.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code -Xlog:gc} log: every pause line looks like
 * {@code [1.234s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms}.
 */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");
    // jcmd GC.run logs "Diagnostic Command"; System.gc() in the sink itself would log "System.gc()".
    private static final List<String> FORCED = List.of("Diagnostic Command", "System.gc()");

    private GcLog() {
    }

    static HeapStats parse(List<String> lines) {
        int maxUsed = 0;
        int maxAfter = 0;
        int liveAfterFull = -1;
        int limit = 0;
        int collections = 0;
        double maxPause = 0;
        double totalPause = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) continue;
            int before = mb(m.group(2), m.group(3));
            int after = mb(m.group(4), m.group(5));
            double pause = Double.parseDouble(m.group(8));
            limit = mb(m.group(6), m.group(7));
            collections++;
            totalPause += pause;
            maxPause = Math.max(maxPause, pause);
            maxUsed = Math.max(maxUsed, before);
            if (FORCED.stream().anyMatch(m.group(1)::contains)) {
                // The harness's own full GC at the end: the live set, not part of the run's load.
                liveAfterFull = after;
            } else {
                maxAfter = Math.max(maxAfter, after);
            }
        }
        return new HeapStats(maxUsed, maxAfter, liveAfterFull, limit, collections, round(maxPause), round(totalPause));
    }

    private static int mb(String value, String unit) {
        long n = Long.parseLong(value);
        return (int) switch (unit) {
            case "K" -> (n + 1023) / 1024;
            case "G" -> n * 1024;
            default -> n;
        };
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
