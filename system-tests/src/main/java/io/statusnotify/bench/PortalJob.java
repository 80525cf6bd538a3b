package io.statusnotify.bench;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.UserStatusEvent;
import io.statusnotify.secrets.Secret;
import io.statusnotify.streams.SequenceNumbers;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The naive baseline's whole job in pipeline mode, what the streams app and the sink do between them: parse the
 * portal's event, look its tenant up (url, user, password from the configs the harness wrote), build the
 * notification (the same sequenceNum from the input partition and offset, creationTimestamp = eventTimestamp) and
 * POST it. Unknown tenants and unusable events are skipped, as the streams app drops or dead-letters them.
 */
final class PortalJob implements Baseline.Job {
    private final Map<String, Tenant> tenants = new HashMap<>();

    private record Tenant(String url, String authorization) {
    }

    PortalJob(Map<String, TenantConfig> configs) {
        configs.forEach((name, config) -> {
            if (!config.enabled()) return;
            String password = Secret.clearText(config.password());
            String authorization = config.username() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                    (config.username() + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
            tenants.put(name, new Tenant(config.serverUrl(), authorization));
        });
    }

    @Override
    public Baseline.Post post(ConsumerRecord<String, byte[]> record) {
        UserStatusEvent event;
        try {
            event = Json.read(record.value(), UserStatusEvent.class).requireValid();
        } catch (BadRecordException e) {
            return null;
        }
        Tenant tenant = tenants.get(event.tenant());
        if (tenant == null) return null;
        long created = event.eventTimestamp() != null ? event.eventTimestamp() : record.timestamp();
        Notification notification = Notification.of(SequenceNumbers.of(record.partition(), record.offset()), created,
                event.body()).withQueueTimestamp(System.currentTimeMillis());
        return new Baseline.Post(tenant.url(), tenant.authorization(), Json.write(notification));
    }
}
