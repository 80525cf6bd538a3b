package io.statusnotify.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Prometheus's own checker of the text format, {@code promtool check metrics}, where Debian's {@code prometheus}
 * package installed it (.ci/run installs it; a test without it is skipped, see {@link #installed()}).
 */
public final class Promtool {
    public static final Path BINARY = Path.of("/usr/bin/promtool");
    private static final long TIMEOUT_SECONDS = 60;

    /** What it printed, one problem a line ({@code sns_x no help text}); exit 0: none, 3: lint problems, 1: unreadable. */
    public record Lint(int exitCode, List<String> lines) {
        /** The exposition was read (problems or not): a parse error would hide every lint problem after it. */
        public boolean parsed() {
            return (exitCode == 0 || exitCode == 3) && lines.stream().noneMatch(line -> line.contains("error while linting"));
        }

        public List<String> about(String metricPrefix) {
            return lines.stream().filter(line -> line.contains(metricPrefix)).toList();
        }
    }

    private Promtool() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Lint checkMetrics(String exposition) {
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "check", "metrics").redirectErrorStream(true).start();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process));
            try (OutputStream in = process.getOutputStream()) {
                in.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool check metrics did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String printed = new String(output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            return new Lint(process.exitValue(), printed.lines().filter(line -> !line.isBlank()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for promtool", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reading promtool's output: " + e, e);
        }
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
