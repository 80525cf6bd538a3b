package io.statusnotify.bench;

import io.statusnotify.settings.Settings;
import io.statusnotify.sink.SinkSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The two phases of a run on one broker, the sink's and the baseline's; sequence numbers run on from one to the
 * next. Each phase counts what the receivers get from its start until everything expected arrived or the timeout.
 */
final class Phases {
    private static final Logger LOG = LoggerFactory.getLogger(Phases.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final BenchSettings settings;
    private final List<String> notes;
    private final KafkaBroker broker;
    private final Receivers receivers;
    private final Admin admin;
    private final LoadProducer load;
    private final String topic;
    private final PhaseWaits waits;
    /** Preload mode: where the measured records start (after the warm-up ones), by sequence number and offset. */
    private long measuredFrom;
    private Map<TopicPartition, Long> measuredOffsets;

    /** @param notes where to say what went wrong (a child JVM that died, deliveries missing) */
    Phases(BenchSettings settings, List<String> notes, KafkaBroker broker, Receivers receivers, Admin admin,
           LoadProducer load, String topic) {
        this.settings = settings;
        this.notes = notes;
        this.broker = broker;
        this.receivers = receivers;
        this.admin = admin;
        this.load = load;
        this.topic = topic;
        this.waits = new PhaseWaits(settings.timeout(), notes);
    }

    PhaseResult sink(Settings sns) {
        Map<String, String> env = sinkEnv(settings, broker.bootstrapServers());
        String group = sns.string("SNS_SINK_GROUP_ID", SinkSettings.DEFAULT_GROUP_ID);
        if (settings.preload()) preload();
        try (AppJvm sink = AppJvm.sink(settings.sinkHeap(), settings.sinkJvmOptions(), env, settings.outDir())) {
            Recorder recorder;
            long expected;
            CpuUse before;
            if (settings.preload()) {
                recorder = record("sink");
                expected = settings.count();
                if (settings.warmupCount() > 0) {
                    LOG.info("Sink started; waiting for it to deliver the {} warm-up notifications first", settings.warmupCount());
                    waits.awaitFirstArrival("sink", recorder, sink::deathNotice);
                    before = cpu(sink.cpuSeconds());
                } else {
                    before = cpu(0);
                }
                LOG.info("Waiting for the sink to deliver {} notifications", expected);
            } else {
                sink.awaitConsuming(admin, group, topic, TopicOffsets.partitions(admin, topic), START_TIMEOUT);
                warmUp("sink", sink::deathNotice);
                before = cpu(sink.cpuSeconds());
                recorder = record("sink");
                expected = produceAtRate("sink");
            }
            waits.awaitDelivered("sink", recorder, expected, sink::deathNotice);
            CpuUse used = cpu(sink.cpuSeconds()).minus(before);
            HeapStats heap = sink.heap();
            int exit = sink.stop();
            if (exit != 0 && exit != 143) notes.add("the sink exited with code " + exit + " when stopped");
            receivers.recordInto(null);
            return recorder.result(expected).with(heap, used);
        }
    }

    PhaseResult baseline() {
        Map<TopicPartition, Long> from = settings.preload() ? measuredOffsets : TopicOffsets.of(admin, topic, OffsetSpec.latest());
        try (Baseline baseline = new Baseline(broker.bootstrapServers(), from, receivers::url)) {
            Recorder recorder;
            long expected;
            CpuUse before = cpu(0);
            if (settings.preload()) {
                recorder = record("baseline");
                baseline.start();
                expected = settings.count();
            } else {
                baseline.start();
                warmUp("baseline", () -> null);
                recorder = record("baseline");
                expected = produceAtRate("baseline");
            }
            waits.awaitDelivered("baseline", recorder, expected, () -> null);
            CpuUse used = cpu(0).minus(before);
            receivers.recordInto(null);
            return recorder.result(expected).with(null, used);
        }
    }

    /** The warm-up records first (delivered by the sink, not counted), then the measured ones. */
    private void preload() {
        if (settings.warmupCount() > 0) {
            LOG.info("Preloading {} warm-up notifications", settings.warmupCount());
            load.preload(topic, settings.warmupCount());
        }
        measuredFrom = load.nextSequence();
        measuredOffsets = TopicOffsets.of(admin, topic, OffsetSpec.latest());
        LOG.info("Preloading {} notifications", settings.count());
        load.preload(topic, settings.count());
    }

    private CpuUse cpu(double sinkSeconds) {
        return new CpuUse(sinkSeconds, broker.cpuSeconds(), harnessCpuSeconds());
    }

    /** Produces at the rate for the warm-up time, then waits until all of it is delivered (no backlog left). */
    private void warmUp(String phase, Supplier<String> deathNotice) {
        if (settings.warmup().isZero()) return;
        Recorder warmup = new Recorder(phase + " warm-up", System.currentTimeMillis(), load.nextSequence());
        receivers.recordInto(warmup);
        LOG.info("{}: warming up at {} notifications/s for {} s", phase, settings.warmupRateOrRate(), settings.warmup().toSeconds());
        waits.awaitDelivered(phase + " warm-up", warmup, load.paced(topic, settings.warmupRateOrRate(), settings.warmup()), deathNotice);
    }

    private Recorder record(String phase) {
        // Preloaded records are the same for both phases; at a rate, each phase counts only its own.
        long first = settings.preload() ? measuredFrom : load.nextSequence();
        Recorder recorder = new Recorder(phase, System.currentTimeMillis(), first);
        receivers.recordInto(recorder);
        return recorder;
    }

    private long produceAtRate(String phase) {
        LOG.info("{}: producing {} notifications/s for {} s", phase, settings.rate(), settings.duration().toSeconds());
        return load.paced(topic, settings.rate(), settings.duration());
    }

    /** The passed-through variables, on the benchmark's broker, with no admin port (unless one is set). */
    static Map<String, String> sinkEnv(BenchSettings settings, String bootstrapServers) {
        Map<String, String> env = new HashMap<>(settings.sinkEnv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.putIfAbsent("SNS_ADMIN_PORT", "0");
        // The load producer's tenants carry clear-text passwords (see LoadProducer).
        env.putIfAbsent("SNS_ALLOW_CLEARTEXT_PASSWORDS", "true");
        return env;
    }

    static double harnessCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : 0;
    }
}
