package io.statusnotify.bench;

import io.statusnotify.settings.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark run, as the command line asked for it.
 *
 * @param rate          notifications a second; 0 = preload mode ({@code count} records written before the sink starts)
 * @param warmupCount   preload mode: records written before the measured {@code count}, delivered first and not
 *                      counted (JIT compilation, connections); the baseline reads only the measured ones
 * @param duration      how long records are produced at {@code rate} (rate mode)
 * @param warmup        how long records are produced at {@code rate} before the measured {@code duration}, which
 *                      starts once they are all delivered (rate mode; not counted: JIT, connections, backlog)
 * @param timeout       how long a phase may take to deliver everything after its last record was produced (in
 *                      preload mode: after the sink started); what arrived by then is reported
 * @param sinkEnv       {@code SNS_*} and {@code KAFKA_*} variables passed to the sink and the streams app (the
 *                      broker address is added)
 * @param pipeline      pipeline mode (portal events through the streams app and the sink); false: sink mode
 *                      (notifications written straight to the notifications topic)
 * @param streamsHeap   the streams app JVM's -Xmx (pipeline mode)
 * @param sinkOnly      pipeline preload mode: a fresh sink drains the same notifications alone afterwards
 * @param warmupRate    rate mode: events (notifications) a second during the warm-up; 0: {@code rate}. A low rate
 *                      warms the JVMs slowly (JIT compilation still competes for the cores minutes in), so a
 *                      measurement at 100/s is best warmed at a few thousand a second
 * @param brokerConfig  broker configs set on top of the benchmark's own (e.g. to try a broker-side setting)
 */
record BenchSettings(
        int tenants,
        int users,
        double rate,
        long count,
        long warmupCount,
        Duration duration,
        Duration warmup,
        int configuredTenants,
        int receiverDelayMs,
        String sinkHeap,
        List<String> sinkJvmOptions,
        String brokerHeap,
        boolean baseline,
        Duration timeout,
        Path outDir,
        Map<String, String> sinkEnv,
        boolean pipeline,
        String streamsHeap,
        boolean sinkOnly,
        double warmupRate,
        Map<String, String> brokerConfig) {

    BenchSettings {
        brokerConfig = Map.copyOf(brokerConfig);
    }

    /** Sink mode, as before pipeline mode existed. */
    BenchSettings(int tenants, int users, double rate, long count, long warmupCount, Duration duration,
                  Duration warmup, int configuredTenants, int receiverDelayMs, String sinkHeap,
                  List<String> sinkJvmOptions, String brokerHeap, boolean baseline, Duration timeout, Path outDir,
                  Map<String, String> sinkEnv) {
        this(tenants, users, rate, count, warmupCount, duration, warmup, configuredTenants, receiverDelayMs,
                sinkHeap, sinkJvmOptions, brokerHeap, baseline, timeout, outDir, sinkEnv, false, "512m", false, 0, Map.of());
    }

    BenchSettings inPipelineMode(String streamsHeapSize, boolean withSinkOnly) {
        return new BenchSettings(tenants, users, rate, count, warmupCount, duration, warmup, configuredTenants,
                receiverDelayMs, sinkHeap, sinkJvmOptions, brokerHeap, baseline, timeout, outDir, sinkEnv, true,
                streamsHeapSize, withSinkOnly, warmupRate, brokerConfig);
    }

    BenchSettings tuned(double warmupEventRate, Map<String, String> brokerConfigs) {
        return new BenchSettings(tenants, users, rate, count, warmupCount, duration, warmup, configuredTenants,
                receiverDelayMs, sinkHeap, sinkJvmOptions, brokerHeap, baseline, timeout, outDir, sinkEnv, pipeline,
                streamsHeap, sinkOnly, warmupEventRate, brokerConfigs);
    }

    /** What the warm-up produces a second. */
    double warmupRateOrRate() {
        return warmupRate > 0 ? warmupRate : rate;
    }

    boolean preload() {
        return rate <= 0;
    }

    /** For the report: every setting, with secrets in the passed-through variables redacted. */
    Map<String, Object> describe() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("mode", preload() ? "preload" : "rate");
        shown.put("measured", pipeline ? "pipeline" : "sink");
        shown.put("tenants", tenants);
        shown.put("users", users);
        shown.put("keys", (long) tenants * users);
        if (preload()) {
            shown.put("count", count);
            shown.put("warmupCount", warmupCount);
        } else {
            shown.put("rate", rate);
            shown.put("durationSeconds", duration.toMillis() / 1000.0);
            shown.put("warmupSeconds", warmup.toMillis() / 1000.0);
            shown.put("warmupRate", warmupRateOrRate());
        }
        shown.put("configuredTenants", configuredTenants);
        shown.put("receiverDelayMs", receiverDelayMs);
        shown.put("sinkHeap", sinkHeap);
        shown.put("sinkJvmOptions", sinkJvmOptions);
        if (pipeline) {
            shown.put("streamsHeap", streamsHeap);
            shown.put("sinkOnly", preload() && sinkOnly);
        }
        shown.put("baseline", baseline);
        shown.put("timeoutSeconds", timeout.toMillis() / 1000.0);
        shown.put("brokerConfig", new TreeMap<>(brokerConfig));
        Map<String, String> env = new TreeMap<>();
        sinkEnv.forEach((name, value) -> env.put(name, Settings.redact(name, value)));
        shown.put("sinkEnv", env);
        return shown;
    }
}
