package io.statusnotify.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a main class in a separate JVM on this test's classpath, with its own environment variables and its output
 * in a file under target/, as a deployment would run it.
 */
final class ChildJvm {
    private static final Path LOG_DIR = Path.of("target", "child-jvm-logs");

    private ChildJvm() {
    }

    static Process start(String mainClass, Map<String, String> env, String logName, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The child must see only this test's settings, never stray KAFKA_*/SNS_* variables of the machine.
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SNS_"));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(LOG_DIR);
            builder.redirectOutput(LOG_DIR.resolve(logName + ".log").toFile());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    static Path log(String logName) {
        return LOG_DIR.resolve(logName + ".log");
    }

    static String logText(String logName) {
        try {
            return Files.readString(log(logName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log(logName), e);
        }
    }
}
