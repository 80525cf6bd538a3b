package io.statusnotify.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An app under test in its own JVM, as deployed: the sink ({@code SinkMain}) or the streams app
 * ({@code StreamsMain}), with a fixed heap and a GC log, so its CPU and memory are measured on their own.
 */
final class AppJvm implements AutoCloseable {
    static final String SINK_MAIN = "io.statusnotify.sink.SinkMain";
    static final String STREAMS_MAIN = "io.statusnotify.streams.StreamsMain";
    private final ChildJava process;
    private final Path gcLog;

    private AppJvm(ChildJava process, Path gcLog) {
        this.process = process;
        this.gcLog = gcLog;
    }

    /** The sink, its output in {@code sink.log} and {@code sink-gc.log}. */
    static AppJvm sink(String heap, List<String> extraJvmOptions, Map<String, String> env, Path outDir) {
        return start("sink", SINK_MAIN, heap, extraJvmOptions, env, outDir);
    }

    /** {@code mainClass} in a JVM of its own, its output in {@code <name>.log} and {@code <name>-gc.log}. */
    static AppJvm start(String name, String mainClass, String heap, List<String> extraJvmOptions,
                        Map<String, String> env, Path outDir) {
        Path gcLog = outDir.resolve(name + "-gc.log");
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog.toAbsolutePath()));
        options.addAll(extraJvmOptions);
        return new AppJvm(ChildJava.start(name, options, mainClass, List.of(), env, outDir.resolve(name + ".log")),
                gcLog);
    }

    double cpuSeconds() {
        return process.cpuSeconds();
    }

    String deathNotice() {
        return process.deathNotice();
    }

    /** Waits until the app's consumer group owns every partition of {@code topic}. */
    void awaitConsuming(Admin admin, String groupId, String topic, int partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String died = deathNotice();
            if (died != null) throw new IllegalStateException(process + " stopped before consuming: " + died);
            if (assignedPartitions(admin, groupId, topic) >= partitions) return;
            Pause.millis(100);
        }
        throw new IllegalStateException("the app did not start consuming " + topic + " within " + timeout
                + ": " + process);
    }

    /**
     * Asks the JVM for a full GC (so the GC log ends with its live set) and reads the log. Without {@code jcmd}
     * (a JRE), the live set stays unknown.
     */
    HeapStats heap() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd) && process.isAlive()) {
            try {
                Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                gc.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                // No live set then; the rest of the log still counts.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return GcLog.parse(Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + gcLog, e);
        }
    }

    /** SIGTERM (the apps' clean stop); returns its exit code. */
    int stop() {
        return process.stop(60);
    }

    @Override
    public void close() {
        process.close();
    }

    private static int assignedPartitions(Admin admin, String groupId, String topic) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(5, TimeUnit.SECONDS).get(groupId);
            int count = 0;
            for (MemberDescription member : group.members()) {
                count += (int) member.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(topic)).count();
            }
            return count;
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return 0;
        }
    }
}
