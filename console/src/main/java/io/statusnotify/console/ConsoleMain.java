package io.statusnotify.console;

import io.statusnotify.admin.LogFormat;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/** Runs the console from environment variables until SIGTERM. Exit code 2: it refused to start (bad settings, Kafka). */
public final class ConsoleMain {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMain.class);

    private ConsoleMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConsoleApp app;
        try {
            Settings settings = Settings.fromEnvironment();
            LogFormat.apply(settings);
            app = ConsoleApp.start(ConsoleSettings.from(settings));
        } catch (SettingsException | IllegalStateException | KafkaException | UncheckedIOException e) {
            LOG.error("Console not started: {}", SettingsException.whyNotStarted(e));
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "console-shutdown"));
        stopped.await();
    }
}
