package io.statusnotify.streams;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.GlobalSettings;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import io.statusnotify.logging.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * One user-status event in, at most one record out: a notification for an allowed tenant, or the untouched input
 * on the DLQ when it cannot be read. The value arrives as raw bytes and is parsed here, so that an unusable record
 * is dead-lettered with its original key and bytes. Reading and writing go through {@link EventReader} (one per
 * processor, as it reuses its buffers): the bytes are parsed once and the notification written once.
 */
final class UserStatusProcessor implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(UserStatusProcessor.class);
    private static final Throttle DROP_LOG = new Throttle(Duration.ofMinutes(1));
    private final TenantGate gate;
    private final int maxRecordBytes;
    private final PipelineMeters meters;
    private final EventReader reader = new EventReader();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, ConfigEntry> configs;

    UserStatusProcessor(TopologySettings settings, PipelineMeters meters) {
        this.gate = new TenantGate(settings.allowTenantConfigByDefault());
        this.maxRecordBytes = settings.maxRecordBytes();
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.configs = context.getStateStore(NotificationTopology.CONFIG_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        meters.eventIn();
        RecordMetadata source = context.recordMetadata()
                .orElseThrow(() -> new IllegalStateException("input record without topic metadata"));
        EventReader.ReadEvent event;
        try {
            event = reader.read(record.value());
        } catch (BadRecordException e) {
            deadLetter(record, source, e);
            return;
        }
        event.forEachUnknown(meters::unknownValue);

        String tenant = event.tenant();
        Optional<DropReason> drop = gate.check(configs.get(tenant), configs.get(GlobalSettings.KEY));
        if (drop.isPresent()) {
            meters.dropped(drop.get());
            if (DROP_LOG.allow(tenant + "|" + drop.get().code())) {
                LOG.info("Dropping events of tenant '{}': {} (e.g. {}-{}@{}; logged at most once a minute per tenant"
                        + " and reason, all counted in sns.streams.events.dropped)", tenant, drop.get().code(),
                        source.topic(), source.partition(), source.offset());
            }
            return;
        }
        long sequenceNum = SequenceNumbers.of(source.partition(), source.offset());
        byte[] value = event.notification(sequenceNum, event.creationTimestamp(record.timestamp()));
        String userKey = event.userKey();
        if (DeadLetters.sizeOf(userKey, value) > maxRecordBytes) {
            deadLetter(record, source, new BadRecordException("too-large", "the notification would be " + value.length
                    + " bytes, over SNS_MAX_RECORD_BYTES (" + maxRecordBytes + ")"));
            return;
        }
        context.forward(new Record<>(userKey, value, record.timestamp(), new RecordHeaders()),
                NotificationTopology.NOTIFICATIONS_SINK);
        meters.notificationOut();
    }

    private void deadLetter(Record<String, byte[]> record, RecordMetadata source, BadRecordException e) {
        LOG.warn("Unusable event {}-{}@{} sent to the DLQ: {} ({})", source.topic(), source.partition(),
                source.offset(), e.reason(), e.getMessage());
        context.forward(DeadLetters.of(record, source, e, context.currentSystemTimeMs(), maxRecordBytes),
                NotificationTopology.DLQ_SINK);
        meters.deadLettered(e.reason());
    }
}
