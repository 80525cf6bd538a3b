package io.statusnotify.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Java main in its own JVM on the harness's classpath, its output in a file; stopped with SIGTERM. */
final class ChildJava implements AutoCloseable {
    private final Process process;
    private final String name;
    private final Path log;

    private ChildJava(Process process, String name, Path log) {
        this.process = process;
        this.name = name;
        this.log = log;
    }

    /**
     * @param env replaces every {@code KAFKA_*} and {@code SNS_*} variable of the harness's own environment, so the
     *            child sees only what the benchmark means it to
     */
    static ChildJava start(String name, List<String> jvmOptions, String mainClass, List<String> args,
                           Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(v -> v.startsWith("KAFKA_") || v.startsWith("SNS_"));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            // Ctrl-C on the harness must not leave a broker or a sink running on its own.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (process.isAlive()) process.destroyForcibly();
            }, "stop-" + name));
            return new ChildJava(process, name, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the child has used so far, in seconds (0 if the OS does not say). */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Why a caller waiting on this child should stop waiting, or null while it runs. */
    String deathNotice() {
        return process.isAlive() ? null
                : name + " exited with code " + process.exitValue() + "; its output: " + log.toAbsolutePath();
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code graceSeconds}; returns the exit code. */
    int stop(int graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) stop(30);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", output " + log.toAbsolutePath() + ")";
    }
}
