package io.statusnotify.deploy;

import io.micrometer.core.instrument.Meter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.micrometer.core.instrument.Meter.Type.COUNTER;
import static io.micrometer.core.instrument.Meter.Type.GAUGE;
import static io.micrometer.core.instrument.Meter.Type.TIMER;

/**
 * The one list of metric names, as Prometheus shows them, that the docs and the Grafana dashboard may use. The
 * apps' own are checked against the meter-name constants of SinkMetrics and PipelineMeters (DocumentedMetricsTest),
 * so renaming a meter fails a test instead of emptying a dashboard panel.
 */
final class DocumentedMetrics {
    static final String SINK_METERS = "io.statusnotify.sink.status.SinkMetrics";
    static final String STREAMS_METERS = "io.statusnotify.streams.PipelineMeters";

    enum Source { SINK, STREAMS, KAFKA_CLIENT }

    record Metric(String name, Meter.Type type, Source source) {
        /** The series names a query may use: the name itself, and a timer's {@code _bucket}, {@code _count}, … */
        Set<String> series() {
            if (type != TIMER) return Set.of(name);
            return Set.of(name, name + "_bucket", name + "_count", name + "_sum", name + "_max");
        }
    }

    static final List<Metric> ALL = List.of(
            new Metric("sns_sink_delivered_total", COUNTER, Source.SINK),
            new Metric("sns_sink_attempts_total", COUNTER, Source.SINK),
            new Metric("sns_sink_failures_total", COUNTER, Source.SINK),
            new Metric("sns_sink_parked_total", COUNTER, Source.SINK),
            new Metric("sns_sink_dead_lettered_total", COUNTER, Source.SINK),
            new Metric("sns_sink_dropped_total", COUNTER, Source.SINK),
            new Metric("sns_sink_http_latency_seconds", TIMER, Source.SINK),
            new Metric("sns_sink_end_to_end_latency_seconds", TIMER, Source.SINK),
            new Metric("sns_sink_in_flight", GAUGE, Source.SINK),
            new Metric("sns_sink_buffered", GAUGE, Source.SINK),
            new Metric("sns_sink_circuit_state", GAUGE, Source.SINK),
            new Metric("sns_sink_tenant_waiting", GAUGE, Source.SINK),
            new Metric("sns_sink_tenant_in_flight", GAUGE, Source.SINK),
            new Metric("sns_sink_tenant_in_flight_limit", GAUGE, Source.SINK),
            new Metric("sns_sink_tenant_oldest_waiting_seconds", GAUGE, Source.SINK),
            new Metric("sns_sink_config_refused_total", COUNTER, Source.SINK),
            new Metric("sns_sink_partitions_assigned_total", COUNTER, Source.SINK),
            new Metric("sns_sink_partitions_revoked_total", COUNTER, Source.SINK),
            new Metric("sns_streams_events_in_total", COUNTER, Source.STREAMS),
            new Metric("sns_streams_notifications_out_total", COUNTER, Source.STREAMS),
            new Metric("sns_streams_events_dropped_total", COUNTER, Source.STREAMS),
            new Metric("sns_streams_events_dead_lettered_total", COUNTER, Source.STREAMS),
            new Metric("sns_streams_unknown_values_total", COUNTER, Source.STREAMS),
            new Metric("sns_streams_config_refused_total", COUNTER, Source.STREAMS),
            // Micrometer's Kafka binders: Kafka's own metric names (group + name), not the project's.
            new Metric("kafka_consumer_fetch_manager_records_lag_max", GAUGE, Source.KAFKA_CLIENT),
            new Metric("kafka_stream_thread_process_rate", GAUGE, Source.KAFKA_CLIENT));

    /**
     * Announced with the admin server (issue 5: per-tenant circuit state and backlog) and not yet meters of
     * SinkMetrics on this branch: allowed to have no constant. Once they have one it must match like the rest.
     */
    static final Set<String> ANNOUNCED = Set.of();

    private DocumentedMetrics() {
    }

    static Optional<Metric> bySeries(String series) {
        return ALL.stream().filter(m -> m.series().contains(series)).findFirst();
    }

    static String meterClass(Source source) {
        return switch (source) {
            case SINK -> SINK_METERS;
            case STREAMS -> STREAMS_METERS;
            case KAFKA_CLIENT -> throw new IllegalArgumentException("Kafka's metrics have no constants of ours");
        };
    }
}
