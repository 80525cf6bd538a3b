package io.statusnotify.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's own {@code kafka-console-producer} ({@code org.apache.kafka.tools.ConsoleProducer}) in a child JVM, fed
 * {@code key|value} lines on stdin exactly as the README tells a person to type them.
 */
final class KafkaConsoleProducer {
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    private KafkaConsoleProducer() {
    }

    static void produce(String bootstrapServers, String topic, List<String> lines, String logName) {
        Process process = ChildJvm.start("org.apache.kafka.tools.ConsoleProducer", Map.of(), logName, List.of(
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                // As the README has it; Kafka 4.3 prefers --reader-property but still takes --property.
                "--property", "parse.key=true",
                "--property", "key.separator=|"));
        try {
            try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    stdin.write(line);
                    stdin.write('\n');
                }
            }
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("console producer did not finish; see " + ChildJvm.log(logName).toAbsolutePath());
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("console producer exited with " + process.exitValue() + "; see "
                        + ChildJvm.log(logName).toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }
}
