package io.statusnotify.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.sink.status.StatusPage;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.sink.SinkApp;
import io.statusnotify.sink.SinkSettings;
import io.statusnotify.streams.StreamsApp;
import io.statusnotify.streams.StreamsSettings;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Everything in this JVM: a KRaft broker, the streams app, the sink and, unless {@code --no-demo}, a demo receiver,
 * a demo tenant sending to it and demo traffic. Runs until Ctrl-C or {@link #stop()}, then stops it all in reverse order.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs a Kafka broker, the streams app and the sink in this process, plus a demo.",
                "The demo: a receiver that prints each notification, a tenant configured to send to it and",
                "realistic portal traffic (skip it with --no-demo). Ctrl-C stops everything."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./statusnotify up                      demo notifications within seconds",
                "  ./statusnotify up --no-demo            your events, your receiver",
                "  ./statusnotify up --verbose            every log line here too, as in <data-dir>/logs/up.log",
                "  ./statusnotify up --kafka-port 19092 --receiver-port 18090 --rate 10",
                "  ./statusnotify up --data-dir /tmp/sns  keep the data elsewhere"})
public final class UpCommand implements Callable<Integer> {
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Port of the Kafka broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--no-demo", description = "Start only the broker, the streams app and the sink.")
    boolean noDemo;

    // ./statusnotify sets STATUSNOTIFY_DATA_DIR to the repo's .statusnotify, so data stays put wherever it is run from.
    @Option(names = "--data-dir", defaultValue = "${env:STATUSNOTIFY_DATA_DIR:-.statusnotify}",
            description = "Where the broker and the streams app keep their data; reused on the next run (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--receiver-port", defaultValue = "8090", description = "Port of the demo receiver (default: ${DEFAULT-VALUE}).")
    int receiverPort;

    @Option(names = "--admin-port", defaultValue = "9400",
            description = "Port of the admin page: tenant status on /, /health/ready, /metrics; 0: none (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--console-port", defaultValue = "9500",
            description = "Port of the web console (on 127.0.0.1; users in <data-dir>/web.config.yml); 0: none (default: ${DEFAULT-VALUE}).")
    int consolePort;

    @Option(names = "--rate", defaultValue = "2", description = "Demo events per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--verbose", description = {"Show every log line of the broker and the apps here, not only warnings",
            "and errors (all of them are in <data-dir>/logs/up.log either way)."})
    boolean verbose;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile DemoReceiver receiver;
    private volatile TrafficPump traffic;
    /** The demo tenant's record as written (null with --no-demo): what its removal at the stop deletes. */
    private TenantConfig demoTenant;
    private volatile String failure;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        Path data = dataDir.toAbsolutePath().normalize();
        Path logFile = data.resolve("logs").resolve("up.log");
        // Closed last: whatever the parts log while they stop goes to the file too.
        try (UpLog ignored = UpLog.start(logFile, verbose)) {
            return run(data, logFile);
        }
    }

    private int run(Path data, Path logFile) throws InterruptedException {
        String bootstrap = "localhost:" + kafkaPort;
        Map<String, String> appEnvironment = LocalSettings.environmentFor(System.getenv(), bootstrap, data);
        Settings settings = Settings.of(appEnvironment);
        StreamsSettings streamsSettings = StreamsSettings.from(settings);
        SinkSettings sinkSettings = SinkSettings.from(settings);
        TopicNames topics = TopicNames.from(settings);
        TopicLayout layout = TopicLayout.from(settings);
        if (!noDemo) {
            Ports.requireFree(receiverPort, "--receiver-port");
        }
        if (adminPort != 0) {
            Ports.requireFree(adminPort, "--admin-port");
        }
        if (consolePort != 0) {
            Ports.requireFree(consolePort, "--console-port");
        }
        PrintWriter out = spec.commandLine().getOut();
        Thread hook = new Thread(this::stopAndWait, "statusnotify-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Starting Kafka on " + bootstrap + ", the streams app and the sink...");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            try (RunningParts parts = new RunningParts()) {
                EmbeddedKafka kafka = parts.add("Kafka broker", EmbeddedKafka.start(data.resolve("kafka"), kafkaPort));
                kafka.forgetMembersOf(List.of(streamsSettings.applicationId(), sinkSettings.groupId()));
                provisionTopics(bootstrap, topics, layout);
                // Before the apps start: a demo tenant left by an earlier run gets this run's receiver and credentials
                // or, with --no-demo, is removed, so its queued notifications never wait for a receiver that is gone.
                String receiverUrl = null;
                if (noDemo) {
                    removeLeftoverDemoTenant(bootstrap, topics, out);
                } else {
                    receiverUrl = startDemoReceiver(parts, bootstrap, topics, new SecretBox(SecretKeys.from(settings)), out);
                }
                StreamsApp streams = parts.add("streams app", StreamsApp.start(streamsSettings, registry));
                // A part that fails on its own stops everything: a half-running pipeline would only mislead.
                FailureWatch.start("streams app", streams::awaitTermination, problem -> {
                    failure = problem;
                    stop();
                });
                SinkApp sink = parts.add("sink", SinkApp.start(sinkSettings, registry));
                String adminUrl = null;
                if (adminPort != 0) {
                    parts.add("admin page", AdminServer.start(new AdminSettings(adminPort, "127.0.0.1"), registry,
                            () -> readiness(streams, sink), Optional.of(new StatusPage(sink::tenantStatuses, sink::testConnection, sink::tenantHistory).handler())));
                    adminUrl = "http://localhost:" + adminPort + "/";
                }
                Banner.Console consoleLine = null;
                if (consolePort != 0) {
                    UpConsole.Started console = UpConsole.start(appEnvironment, data, consolePort, sink);
                    parts.add("console", console.console());
                    consoleLine = new Banner.Console("http://localhost:" + consolePort + "/", UpConsole.ADMIN,
                            console.newPassword(), console.usersFile());
                }
                if (!noDemo) {
                    // Closed after the traffic stops and before the apps do: no demo notification is left to retry.
                    TenantConfig configured = demoTenant;
                    parts.add("demo tenant", () -> DemoTenant.remove(bootstrap, topics, configured));
                    TrafficGenerator generator = new TrafficGenerator(DemoUser.ROSTER, new Random(), System.currentTimeMillis());
                    traffic = parts.add("demo traffic", TrafficPump.start(generator, bootstrap, topics.userStatus(), rate));
                }
                out.print(Banner.running(bootstrap, topics, data, receiverUrl, adminUrl, consoleLine,
                        new Banner.Log(logFile, verbose)));
                out.flush();
                started.countDown();
                stopRequested.await();
                out.println("Stopping...");
                out.flush();
            }
            // Said before `stopped` is released: on Ctrl-C the JVM exits as soon as the shutdown hook sees it.
            return reportStop(out);
        } finally {
            registry.close();
            stopped.countDown();
            removeHook(hook);
        }
    }

    private static Map<String, Boolean> readiness(StreamsApp streams, SinkApp sink) {
        Map<String, Boolean> checks = new java.util.LinkedHashMap<>(streams.readinessChecks());
        checks.putAll(sink.readinessChecks());
        return checks;
    }

    private int reportStop(PrintWriter out) {
        if (failure != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("statusnotify: up stopped: " + failure);
            err.flush();
            return StatusnotifyCommand.FAILED;
        }
        out.println("Stopped.");
        out.flush();
        return StatusnotifyCommand.OK;
    }

    /** Asks a running {@code up} to stop everything; {@link #call()} returns once it has. */
    public void stop() {
        stopRequested.countDown();
    }

    boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Demo events produced so far (0 with --no-demo); stays readable after a stop. */
    long eventsSent() {
        TrafficPump pump = traffic;
        return pump == null ? 0 : pump.sent();
    }

    /** The demo receiver once started (null with --no-demo). */
    DemoReceiver demoReceiver() {
        return receiver;
    }

    private String startDemoReceiver(RunningParts parts, String bootstrap, TopicNames topics, SecretBox box, PrintWriter out) {
        Credentials credentials = DemoTenant.newCredentials();
        receiver = parts.add("demo receiver", DemoReceiver.start("127.0.0.1", receiverPort, credentials, line -> {
            out.println(line);
            out.flush();
        }));
        String url = receiver.url("127.0.0.1");
        demoTenant = DemoTenant.configure(bootstrap, topics, url, credentials, box);
        return url;
    }

    private static void removeLeftoverDemoTenant(String bootstrap, TopicNames topics, PrintWriter out) {
        String removedUrl = DemoTenant.removeLeftover(bootstrap, topics);
        if (removedUrl != null) {
            out.println("Removed the demo tenant '" + DemoUser.TENANT + "' left by an earlier demo run (its receiver "
                    + removedUrl + " is gone); its queued notifications are dropped, not retried.");
            out.flush();
        }
    }

    private static void provisionTopics(String bootstrap, TopicNames topics, TopicLayout layout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner.ensureTopics(admin, topics, layout);
        }
    }

    private void validate() {
        Options.requirePort(spec, "--kafka-port", kafkaPort);
        if (!noDemo) {
            Options.requirePort(spec, "--receiver-port", receiverPort);
            if (receiverPort == kafkaPort) {
                throw new ParameterException(spec.commandLine(), "--receiver-port: must differ from --kafka-port");
            }
        }
        if (!(rate > 0 && rate <= 1000)) {
            throw new ParameterException(spec.commandLine(), "--rate: must be more than 0 and at most 1000 events/s, was " + rate);
        }
    }

    /** On Ctrl-C: stop, and hold the JVM until everything has stopped (the broker flushes its logs). */
    private void stopAndWait() {
        stop();
        try {
            awaitStopped(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is what got us here.
        }
    }
}
