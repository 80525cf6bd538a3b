package io.statusnotify.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./benchmark}: the pipeline (streams app and sink, portal events in, POSTs out) or the sink alone, against a
 * real broker and local receivers, with a naive baseline for comparison.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs, against a fresh local Kafka broker and local HTTP receivers, either the whole pipeline "
                + "(--mode pipeline, the default: portal events to portal.user-status, the streams app and the sink "
                + "each in a child JVM, a read_committed probe timing when each notification became visible; then "
                + "a fresh sink alone on the same notifications, and a naive consumer doing the whole job) or the "
                + "sink alone (--mode sink: notifications written straight to sns.notifications, then the naive "
                + "consumer on them), and writes report.json and report.svg (pipeline mode: report-stages.svg too).",
                "SNS_* and KAFKA_* variables of this environment are passed to the streams app and the sink."})
public final class BenchmarkCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Option(names = "--mode", description = "pipeline: portal events through the streams app and the sink; sink: "
            + "notifications straight to the sink (default ${DEFAULT-VALUE}).")
    String mode = "pipeline";
    @Option(names = "--tenants", description = "Tenants that get notifications (default ${DEFAULT-VALUE}).")
    int tenants = 10;
    @Option(names = "--users", description = "Users per tenant; a record key is tenant/memberID (default ${DEFAULT-VALUE}).")
    int users = 1000;
    @Option(names = "--rate", description = "Events (sink mode: notifications) per second; 0 = preload mode: "
            + "write --count records, then start the apps and measure how fast they drain them (default ${DEFAULT-VALUE}).")
    double rate = 0;
    @Option(names = "--count", description = "Records to preload when --rate is 0 (default ${DEFAULT-VALUE}).")
    long count = 100_000;
    @Option(names = "--warmup-count", description = "Preload mode: write this many records first, before the "
            + "measured --count; they are delivered first, uncounted, so what is measured runs warm (JIT "
            + "compilation, connections); the baseline reads only the measured records; 0 for none "
            + "(default ${DEFAULT-VALUE}).")
    long warmupCount = 100_000;
    @Option(names = "--duration", description = "How long to produce at --rate, e.g. 30s, 2m (default ${DEFAULT-VALUE}).")
    String duration = "30s";
    @Option(names = "--warmup", description = "Rate mode: produce at --rate this long first, uncounted, so the "
            + "apps (and the baseline) run warm, and wait until that is delivered, before the measured --duration; "
            + "0s for none (default ${DEFAULT-VALUE}).")
    String warmup = "10s";
    @Option(names = "--configured-tenants", description = "Extra tenants written to the config topic that get no "
            + "traffic, to measure the sink's memory per tenant (default ${DEFAULT-VALUE}).")
    int configuredTenants = 0;
    @Option(names = "--receiver-delay-ms", description = "The receivers answer after this long (default ${DEFAULT-VALUE}).")
    int receiverDelayMs = 0;
    @Option(names = "--sink-heap", description = "The sink JVM's -Xmx (default ${DEFAULT-VALUE}).")
    String sinkHeap = "256m";
    @Option(names = "--sink-jvm-options", description = "More options for the sink JVM, space-separated, e.g. "
            + "'-XX:+UseSerialGC'.")
    String sinkJvmOptions = "";
    @Option(names = "--streams-heap", description = "Pipeline mode: the streams app JVM's -Xmx (default ${DEFAULT-VALUE}).")
    String streamsHeap = "512m";
    @Option(names = "--sink-only", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pipeline preload mode: after the pipeline, a fresh sink (its own consumer group) drains "
                    + "the same notifications alone, for the ratio pipeline/sink-only (default: yes).")
    boolean sinkOnly;
    @Option(names = "--warmup-rate", description = "Rate mode: events (notifications) a second during --warmup; "
            + "0 = --rate. Warm a low --rate at a few thousand a second: at 100/s the JVMs are still JIT-compiling "
            + "minutes in (default ${DEFAULT-VALUE}).")
    double warmupRate = 0;
    @Option(names = "--broker-config", paramLabel = "KEY=VALUE", description = "A broker config set on top of the "
            + "benchmark's own, e.g. --broker-config num.io.threads=4 (repeatable).")
    Map<String, String> brokerConfig = new TreeMap<>();
    @Option(names = "--broker-heap", description = "The Kafka broker JVM's heap (default ${DEFAULT-VALUE}).")
    String brokerHeap = "1g";
    @Option(names = "--baseline", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the naive baseline too: one consumer, a synchronous POST per record, a commit per "
                    + "batch (pipeline mode: it also parses the event and builds the notification) (default: yes).")
    boolean baseline;
    @Option(names = "--timeout", description = "How long a phase may take to deliver everything after its last "
            + "record was produced (preload: after the apps started); what arrived by then is reported "
            + "(default ${DEFAULT-VALUE}).")
    String timeout = "120s";
    @Option(names = "--out", description = "Output directory (default target/bench/<timestamp>).")
    Path out;

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new BenchmarkCommand());
        int code = line.execute(args);
        // Kafka and HTTP client threads may linger; the run is over.
        System.exit(code);
    }

    @Override
    public Integer call() {
        BenchSettings settings = settings(System.getenv());
        Report report = new Benchmark(settings).run();
        ReportFiles.write(report, settings.outDir());
        System.out.print(Summary.text(report, settings.outDir().toString()));
        return 0;
    }

    BenchSettings settings(Map<String, String> environment) {
        require(tenants >= 1, "--tenants must be at least 1");
        require(users >= 1, "--users must be at least 1");
        require(rate >= 0, "--rate must not be negative");
        require(rate > 0 || count >= 1, "--count must be at least 1 in preload mode");
        require(warmupCount >= 0, "--warmup-count must not be negative");
        require(mode.equals("pipeline") || mode.equals("sink"), "--mode must be pipeline or sink, was '" + mode + "'");
        boolean pipeline = mode.equals("pipeline");
        // Sink mode keeps its sequence numbers in an int bit set; pipeline mode decodes partition and offset.
        require(pipeline || count + warmupCount < Integer.MAX_VALUE,
                "--count plus --warmup-count must be below " + Integer.MAX_VALUE + " in sink mode");
        require(warmupRate >= 0, "--warmup-rate must not be negative");
        brokerConfig.forEach((key, value) -> require(key.matches("[a-z0-9._-]+") && value != null,
                "--broker-config must look like key=value with a broker config name, was '" + key + "'"));
        require(configuredTenants >= 0, "--configured-tenants must not be negative");
        require(receiverDelayMs >= 0, "--receiver-delay-ms must not be negative");
        require(sinkHeap.matches("\\d+[kKmMgG]?"), "--sink-heap must look like 256m or 1g");
        require(brokerHeap.matches("\\d+[kKmMgG]?"), "--broker-heap must look like 512m or 1g");
        require(streamsHeap.matches("\\d+[kKmMgG]?"), "--streams-heap must look like 512m or 1g");
        Path dir = out != null ? out : Path.of("target", "bench",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        BenchSettings settings = new BenchSettings(tenants, users, rate, count, rate > 0 ? 0 : warmupCount,
                duration("--duration", duration), "0s".equals(warmup.trim()) ? Duration.ZERO : duration("--warmup", warmup),
                configuredTenants, receiverDelayMs, sinkHeap, jvmOptions(), brokerHeap, baseline,
                duration("--timeout", timeout), dir.toAbsolutePath().normalize(), passedThrough(environment));
        settings = settings.tuned(warmupRate, brokerConfig);
        return pipeline ? settings.inPipelineMode(streamsHeap, sinkOnly) : settings;
    }

    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim());
        require(m.matches(), option + " must look like 500ms, 30s, 2m or 1h, was '" + text + "'");
        long n = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        require(!value.isZero(), option + " must be longer than 0");
        return value;
    }

    /** {@code SNS_*} and {@code KAFKA_*} variables, except the broker address (the benchmark's own broker). */
    static Map<String, String> passedThrough(Map<String, String> environment) {
        Map<String, String> passed = new TreeMap<>();
        environment.forEach((name, value) -> {
            if ((name.startsWith("SNS_") || name.startsWith("KAFKA_")) && !name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                passed.put(name, value);
            }
        });
        return passed;
    }

    private List<String> jvmOptions() {
        return Arrays.stream(sinkJvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) throw new CommandLine.ParameterException(new CommandLine(new BenchmarkCommand()), message);
    }
}
