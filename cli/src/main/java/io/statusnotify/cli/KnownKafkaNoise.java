package io.statusnotify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops two Kafka warnings that {@code up} prints and nobody can act on: the NetworkClient's "Attempting to close
 * NetworkClient that has already been closed" at every clean stop, and the embedded broker's "Auto topic creation
 * failed for __consumer_offsets with error 'TOPIC_ALREADY_EXISTS'" at start (two clients asked for the internal topic
 * at once; it exists, which is what both wanted). Those loggers' other warnings still show. Installed by logback.xml.
 */
public final class KnownKafkaNoise extends TurboFilter {
    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    static final String ALREADY_CLOSED = "Attempting to close NetworkClient that has already been closed";
    static final String AUTO_TOPIC_CREATION = "kafka.server.DefaultAutoTopicCreationManager";
    static final String ALREADY_EXISTS = "with error 'TOPIC_ALREADY_EXISTS'";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Kafka's LogContext puts a client prefix before the message, hence contains().
        if (level == Level.WARN && format != null && NETWORK_CLIENT.equals(logger.getName())
                && format.contains(ALREADY_CLOSED)) {
            return FilterReply.DENY;
        }
        if (level == Level.WARN && format != null && AUTO_TOPIC_CREATION.equals(logger.getName())
                && format.contains(ALREADY_EXISTS)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
