package io.statusnotify.deploy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What Prometheus sees of a Micrometer meter: registered in a real {@link PrometheusMeterRegistry} and scraped, so
 * the conversion (dots to underscores, {@code _total}, {@code _seconds}, {@code _bucket}, …) is Micrometer's own.
 */
final class PrometheusNames {
    private PrometheusNames() {
    }

    /**
     * The series names a meter of this name and type exposes ({@code sns_sink_delivered_total}, …). A timer is
     * registered twice, as the sink may configure it: with client-side percentiles (a summary: the name itself with
     * a {@code quantile} label) and with a histogram ({@code _bucket}); Micrometer's Prometheus registry exposes
     * only the histogram when a timer has both.
     */
    static Set<String> series(String meterName, Meter.Type type) {
        Set<String> names = new TreeSet<>();
        switch (type) {
            case COUNTER -> names.addAll(scrape(registry -> Counter.builder(meterName).register(registry).increment()));
            case GAUGE -> names.addAll(scrape(registry -> Gauge.builder(meterName, () -> 1).register(registry)));
            case TIMER -> {
                names.addAll(scrape(registry -> Timer.builder(meterName).publishPercentiles(0.5, 0.95, 0.99)
                        .register(registry).record(Duration.ofMillis(3))));
                names.addAll(scrape(registry -> Timer.builder(meterName).publishPercentileHistogram()
                        .register(registry).record(Duration.ofMillis(3))));
            }
            default -> throw new IllegalArgumentException("no documented meter is a " + type);
        }
        return names;
    }

    private static Set<String> scrape(Consumer<MeterRegistry> register) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        register.accept(registry);
        Set<String> names = new TreeSet<>();
        for (String line : registry.scrape().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            names.add(line.split("[{ ]", 2)[0]);
        }
        registry.close();
        return names;
    }

    /** The family name a dashboard or a document calls the meter: the series without a per-type suffix. */
    static String family(String meterName, Meter.Type type) {
        Set<String> series = series(meterName, type);
        if (type != Meter.Type.TIMER) {
            if (series.size() != 1) throw new IllegalStateException(meterName + " as " + type + ": " + series);
            return series.iterator().next();
        }
        return series.stream().filter(s -> s.endsWith("_count")).map(s -> s.substring(0, s.length() - "_count".length()))
                .findFirst().orElseThrow(() -> new IllegalStateException(meterName + ": no _count in " + series));
    }

    /** The meter names an app class declares as constants (every {@code static final String} starting "sns."). */
    static List<String> meterNameConstants(String className) {
        return AppConstants.withPrefix(className, "sns.");
    }
}
