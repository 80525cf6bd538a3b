package io.statusnotify.schema;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.statusnotify.logging.Throttle;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a reader of {@code sns.tenant-config} does with a record it refuses ({@link ConfigEntry.Invalid}): one
 * warning naming the key and the rule broken (never a value; at most once a minute per key and rule, so a tool
 * writing the same bad record in a loop cannot flood the log), and a count by rule.
 */
public final class ConfigRefusals {
    public static final String DESCRIPTION = "tenant config records refused by TenantConfigRules, by rule broken";
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    private final MeterRegistry registry;
    private final String meterName;
    private final Logger log;
    private final Throttle throttle = new Throttle(LOG_INTERVAL);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** {@code log}: the reader's own logger, so the line says which app refused it. */
    public ConfigRefusals(MeterRegistry registry, String meterName, Logger log) {
        this.registry = registry;
        this.meterName = meterName;
        this.log = log;
    }

    public void refused(ConfigEntry.Invalid invalid) {
        counters.computeIfAbsent(invalid.rule(), rule -> Counter.builder(meterName).description(DESCRIPTION)
                .tag("rule", rule).register(registry)).increment();
        if (!throttle.allow(SafeText.key(invalid.key()) + "|" + invalid.rule())) return;
        boolean global = GlobalSettings.KEY.equals(invalid.key());
        log.warn("Refused the config record of {} '{}', rule {} broken: {}; {} until a valid record replaces it"
                        + " (logged at most once a minute per key and rule, all counted in {})",
                global ? "the global switch" : "tenant", SafeText.key(invalid.key()), invalid.rule(), invalid.reason(),
                global ? "sending is off for every tenant" : "this tenant gets no notification", meterName);
    }
}
