package io.statusnotify.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code statusnotify up} as its own process, stopped by a signal the way a terminal or a supervisor stops it. */
class UpSignalIT {
    private final StringBuffer output = new StringBuffer();
    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** The test JVM's classpath and the CLI's main class; GNU env resets an inherited SIG_IGN for SIGINT. */
    private Process startUp(int kafkaPort, Path dataDir) throws IOException {
        List<String> command = new ArrayList<>();
        if (envCanResetSigint()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StatusnotifyCommand.class.getName(),
                "up", "--no-demo", "--kafka-port", Integer.toString(kafkaPort), "--data-dir", dataDir.toString(),
                "--admin-port", "0", "--console-port", "0"));
        Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> copy(started.getInputStream()), "up-output");
        reader.setDaemon(true);
        reader.start();
        return started;
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            output.append("\n[output closed: ").append(e).append("]\n");
        }
    }

    private static boolean envCanResetSigint() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalStopsEverythingAndUpSaysStopped(String signal, @TempDir Path dataDir) throws Exception {
        int kafkaPort = Ports.free();
        process = startUp(kafkaPort, dataDir);
        await().atMost(Duration.ofSeconds(90)).until(() -> output.indexOf("statusnotify is up") >= 0 || !process.isAlive());
        assertThat(output.toString()).as("up started").contains("statusnotify is up");

        int killed = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).start().waitFor();

        assertThat(killed).isZero();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("up ended after SIG%s; output:%n%s", signal, output).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> output.indexOf("Stopped.") >= 0);
        assertThat(output.toString()).contains("Stopping...", "Stopped.").doesNotContain("did not stop cleanly");
        assertThat(Ports.isFree(kafkaPort)).as("broker port released").isTrue();
    }
}
