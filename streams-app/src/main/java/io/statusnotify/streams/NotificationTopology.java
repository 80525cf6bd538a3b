package io.statusnotify.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.topics.TopicNames;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.LoggerFactory;

/**
 * The streams app's topology, built from settings alone:
 * <pre>
 *   sns.tenant-config --(global store, every instance holds all of it)--> tenant-config
 *   portal.user-status --> user-status-processor --+--> sns.notifications    (allowed tenants)
 *                            (looks up tenant-config) +--> sns.user-status.dlq (unreadable events)
 * </pre>
 * The config view is a global store (what a GlobalKTable is made of) with its own update processor, so each
 * record is parsed once, with its key, and an unusable one cannot stop the app. At start the whole config topic is
 * read before any event is processed.
 */
public final class NotificationTopology {
    static final String CONFIG_STORE = "tenant-config";
    static final String NOTIFICATIONS_SINK = "notifications-sink";
    static final String DLQ_SINK = "user-status-dlq-sink";
    private static final String EVENTS_SOURCE = "user-status-source";
    private static final String EVENTS_PROCESSOR = "user-status-processor";

    private NotificationTopology() {
    }

    public static Topology build(TopologySettings settings, MeterRegistry registry) {
        TopicNames topics = settings.topics();
        PipelineMeters meters = new PipelineMeters(registry);
        ConfigRefusals refusals = new ConfigRefusals(registry, PipelineMeters.CONFIG_REFUSED,
                LoggerFactory.getLogger(TenantConfigUpdater.class));
        Topology topology = new Topology();
        topology.addGlobalStore(configStore(), "tenant-config-source", new StringDeserializer(),
                new ByteArrayDeserializer(), topics.tenantConfig(), "tenant-config-updater", () -> new TenantConfigUpdater(refusals));
        topology.addSource(EVENTS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.userStatus());
        topology.addProcessor(EVENTS_PROCESSOR, () -> new UserStatusProcessor(settings, meters), EVENTS_SOURCE);
        topology.addSink(NOTIFICATIONS_SINK, topics.notifications(), new StringSerializer(), new ByteArraySerializer(),
                EVENTS_PROCESSOR);
        topology.addSink(DLQ_SINK, topics.userStatusDlq(), new StringSerializer(), new ByteArraySerializer(),
                EVENTS_PROCESSOR);
        return topology;
    }

    static StoreBuilder<KeyValueStore<String, ConfigEntry>> configStore() {
        // In memory: the config topic is small and compacted, and is read whole at every start anyway.
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CONFIG_STORE), Serdes.String(),
                new ConfigEntrySerde()).withLoggingDisabled();
    }
}
