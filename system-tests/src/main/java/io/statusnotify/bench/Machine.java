package io.statusnotify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the run happened, for the report: figures mean little without it.
 *
 * @param loadAverageAtStart {@code /proc/loadavg} when the run began: other work on the machine skews every figure
 */
public record Machine(int cpus, String cpuModel, long memoryMb, String javaVersion, String javaVm, String os,
                      String loadAverageAtStart) {

    static Machine detect() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name"),
                totalMemoryMb(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long totalMemoryMb() {
        String total = procField("/proc/meminfo", "MemTotal");
        try {
            return Long.parseLong(total.replaceAll("[^0-9]", "")) / 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The value of the first {@code name: value} line of a /proc file, or "unknown". */
    private static String procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(name)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
