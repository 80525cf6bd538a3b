package io.statusnotify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the one NetworkClient warning every clean stop of {@code up} prints ("Attempting to close NetworkClient that
 * has already been closed"): harmless and nothing a user can act on. The logger's other warnings still show.
 * Installed by logback.xml.
 */
public final class KnownKafkaNoise extends TurboFilter {
    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    static final String ALREADY_CLOSED = "Attempting to close NetworkClient that has already been closed";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Kafka's LogContext puts a client prefix before the message, hence contains().
        if (level == Level.WARN && format != null && NETWORK_CLIENT.equals(logger.getName())
                && format.contains(ALREADY_CLOSED)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
