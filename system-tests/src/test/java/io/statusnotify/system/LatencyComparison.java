package io.statusnotify.system;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The p99 delivery latency (arrival at the receiver − creationTimestamp) of some tenants on the faulty side of an
 * {@link IsolationRun.Comparison}, against that of the same tenants on the reference sides that ran beside it.
 * <p>
 * The bound is the 10 % over the reference, plus a small absolute slack (timestamps are whole milliseconds).
 * "The reference" is the higher p99 of two fault-free sinks: on this shared two-core machine, with other builds
 * running, two identical sinks side by side were seen to differ by more than 10 %; a fault that really slows the
 * other tenants shows up above both.
 */
record LatencyComparison(Collection<String> tenants, List<Figures> references, Figures faulty) {
    static final double RELATIVE_BOUND = 1.10;
    static final long SLACK_MILLIS = 25;
    private static final Duration TIMELINE_BUCKET = Duration.ofSeconds(5);

    /** One side's figures, in ms; the timeline is the p99 per 5 s of creation time, by second since the start. */
    record Figures(String label, int count, long p50, long p99, long max, Map<Long, Long> timeline) {
        static Figures of(SideResult result, Collection<String> tenants, Duration warmUp) {
            List<Long> latencies = result.latencies(tenants, warmUp);
            return new Figures(result.label(), latencies.size(), Percentiles.of(latencies, 50),
                    Percentiles.of(latencies, 99), Percentiles.of(latencies, 100),
                    result.p99Timeline(tenants, TIMELINE_BUCKET));
        }

        @Override
        public String toString() {
            return label + ": p99 " + p99 + " ms (p50 " + p50 + ", max " + max + ", " + count + " notifications)";
        }
    }

    static LatencyComparison of(IsolationRun.Comparison comparison, Collection<String> tenants, Duration warmUp) {
        return new LatencyComparison(tenants,
                comparison.references().stream().map(r -> Figures.of(r, tenants, warmUp)).toList(),
                Figures.of(comparison.faulty(), tenants, warmUp));
    }

    long referenceP99() {
        return references.stream().mapToLong(Figures::p99).max().orElseThrow();
    }

    long bound() {
        return Math.round(referenceP99() * RELATIVE_BOUND) + SLACK_MILLIS;
    }

    LatencyComparison log(Logger log) {
        log.info("Latency of {} tenants: {}; {}; bound {} ms", tenants.size(), references, faulty, bound());
        for (Figures side : references) log.info("p99 per 5 s, {}: {}", side.label(), side.timeline());
        log.info("p99 per 5 s, {}: {}", faulty.label(), faulty.timeline());
        return this;
    }

    void assertWithinBound() {
        assertThat(faulty.p99()).as("p99 latency (ms) of the other tenants beside the fault; references %s",
                references).isLessThanOrEqualTo(bound());
    }
}
