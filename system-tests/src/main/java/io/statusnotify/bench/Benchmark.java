package io.statusnotify.bench;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.settings.Settings;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run: a fresh broker, the receivers and the tenants' configs, then, in sink mode, the sink phase and (unless
 * switched off) the baseline phase over the same records (preload mode) or the same rate and duration (rate
 * mode); in pipeline mode the pipeline phase, the sink-only drain and the baseline doing the whole job.
 */
final class Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
    private final BenchSettings settings;
    private final List<String> notes = new ArrayList<>();

    Benchmark(BenchSettings settings) {
        this.settings = settings;
    }

    Report run() {
        long startMs = System.currentTimeMillis();
        String startedAt = Instant.ofEpochMilli(startMs).toString();
        Machine machine = Machine.detect();
        String revision = SourceRevision.describe();
        Workload workload = Workload.of(settings.tenants(), settings.users(), settings.configuredTenants());
        Settings sns = Settings.of(settings.sinkEnv());
        TopicNames topics = TopicNames.from(sns);
        Path kafkaData = settings.outDir().resolve("kafka");
        try {
            Files.createDirectories(settings.outDir());
            LOG.info("Starting a Kafka broker and the receivers (output in {})", settings.outDir());
            try (KafkaBroker broker = KafkaBroker.start(kafkaData, settings.outDir().resolve("broker.log"),
                    settings.brokerHeap(), settings.brokerConfig());
                 Receivers receivers = Receivers.start(settings.receiverDelayMs(), workload.tenants());
                 Admin admin = broker.admin();
                 LoadProducer load = settings.pipeline()
                         ? new LoadProducer(broker.bootstrapServers(), workload, events(workload))
                         : new LoadProducer(broker.bootstrapServers(), workload)) {
                TopicProvisioner.ensureTopics(admin, topics, TopicLayout.from(sns));
                broker.awaitLeaders(admin, List.of(topics.tenantConfig(), topics.notifications(), topics.userStatus()));
                LOG.info("Writing {} tenant configs", workload.tenants().size() + workload.idleTenants().size());
                load.writeConfigs(topics.tenantConfig(), receivers::url);
                if (settings.pipeline()) {
                    PipelineRun run = new PipelineRun(settings, notes, broker, receivers, admin, load, topics,
                            new PhaseWaits(settings.timeout(), notes), configs(workload, receivers), startMs);
                    return pipeline(run, startedAt, revision, machine);
                }
                Phases phases = new Phases(settings, notes, broker, receivers, admin, load,
                        topics.notifications());
                PhaseResult sink = phases.sink(sns);
                PhaseResult baseline = settings.baseline() ? phases.baseline() : null;
                return new Report(startedAt, settings.describe(), revision, machine, sink, baseline,
                        Report.ratio(sink, baseline), List.copyOf(notes), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(kafkaData);
            deleteQuietly(settings.outDir().resolve("streams-state"));
        }
    }

    /** The pipeline, then the sink alone on its notifications (preload), then the baseline doing the whole job. */
    private Report pipeline(PipelineRun run, String startedAt, String revision, Machine machine) {
        PipelinePhase phase = new PipelinePhase(run);
        PipelineReport pipeline = phase.run();
        PipelineComparisons comparisons = new PipelineComparisons(run);
        PhaseResult sinkOnly = settings.preload() && settings.sinkOnly() ? comparisons.sinkOnly(phase.measuredFrom()) : null;
        PhaseResult baseline = settings.baseline() ? comparisons.baseline(phase.measuredFrom()) : null;
        PipelineReport withRatios = new PipelineReport(pipeline.delivery(), pipeline.stages(), pipeline.cpu(),
                pipeline.streamsHeap(), PipelineReport.Ratios.of(pipeline.delivery(), sinkOnly, baseline));
        return new Report(startedAt, settings.describe(), revision, machine, sinkOnly, baseline, null,
                List.copyOf(notes), withRatios);
    }

    /** Each record a portal event of its user's next state, stamped with the produce time. */
    private static LoadProducer.RecordMaker events(Workload workload) {
        PortalEvents events = new PortalEvents();
        return (n, tenant, member, now) -> events.value(tenant, member, workload.roundOf(n), now);
    }

    private static Map<String, TenantConfig> configs(Workload workload, Receivers receivers) {
        Map<String, TenantConfig> configs = new HashMap<>();
        for (String tenant : workload.tenants()) configs.put(tenant, LoadProducer.config(receivers.url(tenant)));
        for (String tenant : workload.idleTenants()) configs.put(tenant, LoadProducer.config(receivers.url(tenant)));
        return configs;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
