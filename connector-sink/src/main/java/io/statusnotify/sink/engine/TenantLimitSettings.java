package io.statusnotify.sink.engine;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.util.Locale;

/**
 * A tenant's adaptive concurrency limit, always within [{@code min}, ceiling] where the ceiling is its config's
 * {@code maxInFlight} or {@code SNS_TENANT_MAX_IN_FLIGHT}.
 *
 * @param algorithm {@code SNS_TENANT_LIMIT} (default {@code gradient}): {@code gradient}, {@code aimd} or
 *                  {@code fixed}
 * @param initial   {@code SNS_TENANT_INITIAL_IN_FLIGHT} (default 64): where a tenant's limit starts (and starts
 *                  again when its config record changes); a lower ceiling wins
 * @param min       {@code SNS_TENANT_MIN_IN_FLIGHT} (default 4, at most the initial): the least it shrinks to; a
 *                  lower ceiling wins
 */
public record TenantLimitSettings(LimitAlgorithm algorithm, int initial, int min) {
    public static final String LIMIT = "SNS_TENANT_LIMIT";
    public static final String INITIAL_IN_FLIGHT = "SNS_TENANT_INITIAL_IN_FLIGHT";
    public static final String MIN_IN_FLIGHT = "SNS_TENANT_MIN_IN_FLIGHT";

    public static TenantLimitSettings from(Settings s) {
        String name = s.string(LIMIT, "gradient").trim().toUpperCase(Locale.ROOT);
        LimitAlgorithm algorithm;
        try {
            algorithm = LimitAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(LIMIT + ": must be gradient, aimd or fixed, was '" + s.string(LIMIT, "") + "'");
        }
        int min = s.integer(MIN_IN_FLIGHT, 4, 1, TenantConfig.MAX_IN_FLIGHT_LIMIT);
        int initial = s.integer(INITIAL_IN_FLIGHT, 64, 1, TenantConfig.MAX_IN_FLIGHT_LIMIT);
        if (min > initial) {
            throw new SettingsException(MIN_IN_FLIGHT + ": must be at most " + INITIAL_IN_FLIGHT + " (" + initial
                    + "), was " + min);
        }
        return new TenantLimitSettings(algorithm, initial, min);
    }

    /** Where the limit of a tenant with this ceiling starts: the initial value, or the ceiling when lower. */
    public int initial(int ceiling) {
        return Math.min(initial, ceiling);
    }

    /** The least the limit of a tenant with this ceiling shrinks to. */
    public int min(int ceiling) {
        return Math.min(min, ceiling);
    }
}
