package io.statusnotify.bench;

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
import java.util.List;
import java.util.stream.Stream;

/**
 * One run: a fresh broker, the receivers and the tenants' configs, then the sink phase and (unless switched off)
 * the baseline phase over the same records (preload mode) or the same rate and duration (rate mode).
 */
final class Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
    private final BenchSettings settings;
    private final List<String> notes = new ArrayList<>();

    Benchmark(BenchSettings settings) {
        this.settings = settings;
    }

    Report run() {
        String startedAt = Instant.now().toString();
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
                    settings.brokerHeap());
                 Receivers receivers = Receivers.start(settings.receiverDelayMs(), workload.tenants());
                 Admin admin = broker.admin();
                 LoadProducer load = new LoadProducer(broker.bootstrapServers(), workload)) {
                TopicProvisioner.ensureTopics(admin, topics, TopicLayout.from(sns));
                broker.awaitLeaders(admin, List.of(topics.tenantConfig(), topics.notifications()));
                LOG.info("Writing {} tenant configs", workload.tenants().size() + workload.idleTenants().size());
                load.writeConfigs(topics.tenantConfig(), receivers::url);
                Phases phases = new Phases(settings, notes, broker, receivers, admin, load,
                        topics.notifications());
                PhaseResult sink = phases.sink(sns);
                PhaseResult baseline = settings.baseline() ? phases.baseline() : null;
                return new Report(startedAt, settings.describe(), revision, machine, sink, baseline,
                        Report.ratio(sink, baseline), List.copyOf(notes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(kafkaData);
        }
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
