package io.statusnotify.bench;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every phase of a pipeline-mode run shares: the broker, receivers and load producer of the run, the tenants'
 * configs as written, and the clock the dense time tables count from.
 *
 * @param epochMs the run's start; the time tables hold milliseconds since then
 */
record PipelineRun(BenchSettings settings, List<String> notes, KafkaBroker broker, Receivers receivers, Admin admin,
                   LoadProducer load, TopicNames topics, PhaseWaits waits, Map<String, TenantConfig> configs,
                   long epochMs) {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

    /** Where the next event written to the input topic will go, per partition: a phase counts from there. */
    long[] inputEndOffsets() {
        return TopicOffsets.array(TopicOffsets.of(admin, topics.userStatus(), OffsetSpec.latest()));
    }

    /** A recorder for the events from {@code from} on, receiving from now. */
    Recorder record(String phase, long[] from) {
        return record(phase, new InputOffsets(from, epochMs));
    }

    Recorder record(String phase, InputOffsets arrivals) {
        Recorder recorder = new Recorder(phase, System.currentTimeMillis(), arrivals);
        receivers.recordInto(recorder);
        return recorder;
    }

    /** Rate mode: events at the rate for the warm-up time, then until all of it is delivered (no backlog left). */
    void warmUp(String phase, Supplier<String> deathNotice) {
        if (settings.warmup().isZero()) return;
        Recorder warmup = record(phase + " warm-up", inputEndOffsets());
        LOG.info("{}: warming up at {} events/s for {} s", phase, settings.warmupRateOrRate(), settings.warmup().toSeconds());
        waits.awaitDelivered(phase + " warm-up", warmup,
                load.paced(topics.userStatus(), settings.warmupRateOrRate(), settings.warmup()), deathNotice);
    }

    long produceAtRate(String phase) {
        LOG.info("{}: producing {} events/s for {} s", phase, settings.rate(), settings.duration().toSeconds());
        return load.paced(topics.userStatus(), settings.rate(), settings.duration());
    }

    CpuUse cpu(double sinkSeconds) {
        return new CpuUse(sinkSeconds, broker.cpuSeconds(), Phases.harnessCpuSeconds());
    }

    void stop(String what, AppJvm app) {
        int exit = app.stop();
        if (exit != 0 && exit != 143) notes.add(what + " exited with code " + exit + " when stopped");
    }
}
