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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
    }

    PhaseResult sink(Settings sns) {
        Map<String, String> env = new HashMap<>(settings.sinkEnv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.putIfAbsent("SNS_ADMIN_PORT", "0");
        // The load producer's tenants carry clear-text passwords (see LoadProducer).
        env.putIfAbsent("SNS_ALLOW_CLEARTEXT_PASSWORDS", "true");
        String group = sns.string("SNS_SINK_GROUP_ID", SinkSettings.DEFAULT_GROUP_ID);
        if (settings.preload()) preload();
        try (SinkJvm sink = SinkJvm.start(settings.sinkHeap(), settings.sinkJvmOptions(), env, settings.outDir())) {
            Recorder recorder;
            long expected;
            CpuUse before;
            if (settings.preload()) {
                recorder = record("sink");
                expected = settings.count();
                if (settings.warmupCount() > 0) {
                    LOG.info("Sink started; waiting for it to deliver the {} warm-up notifications first", settings.warmupCount());
                    awaitFirstArrival("sink", recorder, sink::deathNotice);
                    before = cpu(sink.cpuSeconds());
                } else {
                    before = cpu(0);
                }
                LOG.info("Waiting for the sink to deliver {} notifications", expected);
            } else {
                sink.awaitConsuming(admin, group, topic, partitions(), START_TIMEOUT);
                warmUp("sink", sink::deathNotice);
                before = cpu(sink.cpuSeconds());
                recorder = record("sink");
                expected = produceAtRate("sink");
            }
            awaitDelivered("sink", recorder, expected, sink::deathNotice);
            CpuUse used = cpu(sink.cpuSeconds()).minus(before);
            HeapStats heap = sink.heap();
            int exit = sink.stop();
            if (exit != 0 && exit != 143) notes.add("the sink exited with code " + exit + " when stopped");
            receivers.recordInto(null);
            return recorder.result(expected).with(heap, used);
        }
    }

    PhaseResult baseline() {
        Map<TopicPartition, Long> from = settings.preload() ? measuredOffsets : offsets(OffsetSpec.latest());
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
            awaitDelivered("baseline", recorder, expected, () -> null);
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
        measuredOffsets = offsets(OffsetSpec.latest());
        LOG.info("Preloading {} notifications", settings.count());
        load.preload(topic, settings.count());
    }

    /** Until the first measured notification arrived (the warm-up ones are delivered before it, per partition). */
    private void awaitFirstArrival(String phase, Recorder recorder, Supplier<String> deathNotice) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (recorder.delivered() == 0) {
            String died = deathNotice.get();
            if (died != null || System.nanoTime() > deadline) return; // awaitDelivered says what went wrong
            Pause.millis(5);
        }
        LOG.info("{}: warm-up done, measuring", phase);
    }

    private CpuUse cpu(double sinkSeconds) {
        return new CpuUse(sinkSeconds, broker.cpuSeconds(), harnessCpuSeconds());
    }

    /** Produces at the rate for the warm-up time, then waits until all of it is delivered (no backlog left). */
    private void warmUp(String phase, Supplier<String> deathNotice) {
        if (settings.warmup().isZero()) return;
        Recorder warmup = new Recorder(phase + " warm-up", System.currentTimeMillis(), load.nextSequence());
        receivers.recordInto(warmup);
        LOG.info("{}: warming up at {} notifications/s for {} s", phase, settings.rate(), settings.warmup().toSeconds());
        awaitDelivered(phase + " warm-up", warmup, load.paced(topic, settings.rate(), settings.warmup()), deathNotice);
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

    private int partitions() {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e, e);
        }
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions(); p++) request.put(new TopicPartition(topic, p), spec);
        try {
            return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot list offsets of " + topic + ": " + e, e);
        }
    }

    /** Until every expected notification arrived, the deadline passed, or the process delivering died. */
    private void awaitDelivered(String phase, Recorder recorder, long expected, Supplier<String> deathNotice) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        long nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.delivered() < expected) {
            String died = deathNotice.get();
            if (died != null) {
                notes.add(phase + ": " + died);
                LOG.error("{}: {}", phase, died);
                return;
            }
            if (System.nanoTime() > deadline) {
                notes.add(phase + ": " + (expected - recorder.delivered()) + " of " + expected
                        + " notifications not delivered within the timeout of " + settings.timeout().toSeconds() + " s");
                LOG.warn("{}: timed out with {} of {} delivered", phase, recorder.delivered(), expected);
                return;
            }
            if (System.nanoTime() > nextLog) {
                LOG.info("{}: {} of {} delivered", phase, recorder.delivered(), expected);
                nextLog += TimeUnit.SECONDS.toNanos(5);
            }
            Pause.millis(20);
        }
        LOG.info("{}: all {} delivered", phase, expected);
    }

    private static double harnessCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : 0;
    }
}
