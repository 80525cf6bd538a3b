package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.Outbox;
import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.kafka.ParkedReader;
import io.statusnotify.sink.config.ReadBarrier;
import io.statusnotify.sink.kafka.RetryScan;
import io.statusnotify.sink.http.Sender;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delivery core wired together, each part given what it needs when it is built (no setters): the engine loop,
 * the dispatcher and its outcomes, the outbox, the parked reader and the retry scan, over the Kafka clients, sender
 * and clock it is handed. The app hands it real ones; unit tests MockConsumer, MockProducer, a fake sender and
 * a fake clock. The engine runs on the caller's thread ({@link DeliveryEngine#run()}); the parked reader has its own.
 */
public final class DeliveryCore {
    /** What the core reads and writes Kafka with, and the thread its retry scans run on; the core's parts close them. */
    public record Clients(Consumer<String, byte[]> notifications, Consumer<String, Void> retryScan,
                   ExecutorService retryScanThread, Consumer<String, byte[]> parkedReader,
                   Producer<String, byte[]> outbox) {
    }

    final EngineTasks tasks = new EngineTasks();
    /** The config follower completes its rounds; the dispatcher waits on it before a config drop. */
    final ReadBarrier barrier = new ReadBarrier();
    final Outbox outbox;
    final ParkedReader parkedReader;
    final Dispatcher dispatcher;
    final DeliveryEngine engine;

    public DeliveryCore(EngineSettings settings, TenantConfigView view, Clients clients, Sender sender, MeterRegistry registry,
                 Clock clock, Housekeeping housekeeping) {
        this.outbox = new Outbox(clients.outbox(), settings.groupId(), settings.topics().notificationsRetry(),
                settings.topics().notificationsDlq(), settings.topics().deliveryReceipts());
        Timers timers = new Timers();
        ParkedKeys parked = new ParkedKeys();
        SinkMetrics metrics = new SinkMetrics(registry, settings.limits().metricsMaxTenants());
        Outcomes outcomes = new Outcomes(outbox, metrics, parked, timers, tasks, clock, settings.receiptsEnabled());
        RetrySchedule schedule = new RetrySchedule(settings.retry(), () -> ThreadLocalRandom.current().nextDouble());
        this.parkedReader = new ParkedReader(clients.parkedReader(), tasks);
        this.dispatcher = new Dispatcher(view, barrier, sender, outcomes, schedule, settings, metrics, clock, timers, tasks, parked,
                parkedReader, housekeeping);
        RetryScan scan = new RetryScan(clients.retryScan(), clients.retryScanThread(), settings.groupId(),
                housekeeping.scanHold());
        this.engine = new DeliveryEngine(clients.notifications(), scan, dispatcher, tasks, settings, view, timers, parked,
                clock, housekeeping, metrics);
        metrics.gauges(dispatcher::inFlight, dispatcher::bufferedMain, dispatcher::bufferedRetries, dispatcher::unloadedRetries);
        view.onChange(key -> tasks.execute(() -> dispatcher.configChanged(key)));
    }

    /** The config follower completes the barrier's rounds. */
    public ReadBarrier barrier() {
        return barrier;
    }

    /** The delivery loop, to run on a thread of its own until {@link #stop()}. */
    public Runnable loop() {
        return engine;
    }

    /** Ends the loop: takes no more records, lets requests in flight finish within the shutdown grace, commits. */
    public void stop() {
        engine.stop();
    }

    public boolean hasPartitions() {
        return engine.hasPartitions();
    }

    /** Every tenant's delivery status, at most a second old. */
    public List<TenantStatus> statuses() {
        return dispatcher.statuses();
    }

    /** The tenant's last hour minute by minute, at most a second old; empty when it has no status row. */
    public Optional<TenantHistory> history(String tenant) {
        return dispatcher.history(tenant);
    }

    /** The outbox producer's own metrics as meters; close them with the app. */
    public KafkaClientMetrics bindTo(MeterRegistry registry) {
        return outbox.bindTo(registry);
    }

    /** Closes the parked reader and the outbox, once the loop has ended. */
    public void closeClients() {
        parkedReader.close();
        outbox.close();
    }
}
