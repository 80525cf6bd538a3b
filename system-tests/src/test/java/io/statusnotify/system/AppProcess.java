package io.statusnotify.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An app's real entry point ({@code SinkMain} or {@code StreamsMain}) in a child JVM, so a test can SIGKILL or
 * SIGTERM it.
 */
final class AppProcess implements AutoCloseable {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private final Process process;
    private final String name;

    private AppProcess(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    static AppProcess sink(PipelineEnv env, String name) {
        return new AppProcess(ChildJvm.start("io.statusnotify.sink.SinkMain", env.variables(), name, List.of()), name);
    }

    static AppProcess streams(PipelineEnv env, String name) {
        return new AppProcess(ChildJvm.start("io.statusnotify.streams.StreamsMain", env.variables(), name, List.of()),
                name);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is committed on the way out. */
    int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** SIGTERM: the sink's clean stop. */
    int terminate() {
        process.destroy();
        return awaitExit();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("child JVM " + name + " did not exit within " + EXIT_TIMEOUT
                        + " (log: " + ChildJvm.log(name).toAbsolutePath() + ")");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "child JVM " + name + " (pid " + process.pid() + ", log " + ChildJvm.log(name) + ")";
    }
}
