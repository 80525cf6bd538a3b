package io.statusnotify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownKafkaNoiseTest {
    private final LoggerContext context = new LoggerContext();
    private final KnownKafkaNoise filter = new KnownKafkaNoise();

    private FilterReply decide(String loggerName, Level level, String format) {
        Logger logger = context.getLogger(loggerName);
        return filter.decide(null, logger, level, format, null, null);
    }

    @Test
    void networkClientsAlreadyClosedWarningIsDropped() {
        FilterReply reply = decide(KnownKafkaNoise.NETWORK_CLIENT, Level.WARN,
                "[Consumer clientId=sink-1, groupId=sns-sink] Attempting to close NetworkClient that has already been closed.");

        assertThat(reply).isEqualTo(FilterReply.DENY);
    }

    @Test
    void networkClientsOtherWarningsStillShow() {
        FilterReply reply = decide(KnownKafkaNoise.NETWORK_CLIENT, Level.WARN,
                "[AdminClient clientId=a] Connection to node {} ({}) could not be established. Node may not be available.");

        assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theBrokersInternalTopicAlreadyExistsWarningIsDropped() {
        FilterReply reply = decide(KnownKafkaNoise.AUTO_TOPIC_CREATION, Level.WARN,
                "Auto topic creation failed for __consumer_offsets with error 'TOPIC_ALREADY_EXISTS': Topic "
                        + "'__consumer_offsets' already exists.");

        assertThat(reply).isEqualTo(FilterReply.DENY);
    }

    @Test
    void otherAutoTopicCreationFailuresStillShow() {
        FilterReply reply = decide(KnownKafkaNoise.AUTO_TOPIC_CREATION, Level.WARN,
                "Auto topic creation failed for __transaction_state with error 'INVALID_REPLICATION_FACTOR': ...");

        assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theSameTextFromAnotherLoggerStillShows() {
        FilterReply reply = decide("org.apache.kafka.clients.admin.KafkaAdminClient", Level.WARN,
                KnownKafkaNoise.ALREADY_CLOSED);

        assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theShippedLogbackConfigurationInstallsTheFilterAndQuietsTheNoisyLoggers() throws Exception {
        LoggerContext shipped = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(shipped);
        configurator.doConfigure(getClass().getResource("/logback.xml"));

        assertThat(shipped.getTurboFilterList()).hasAtLeastOneElementOfType(KnownKafkaNoise.class);
        for (String noisy : new String[]{"org.apache.kafka.controller.QuorumController",
                "org.apache.kafka.streams.StreamsConfig",
                "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils"}) {
            assertThat(shipped.getLogger(noisy).getEffectiveLevel()).as(noisy).isEqualTo(Level.ERROR);
        }
        assertThat(shipped.getLogger(KnownKafkaNoise.NETWORK_CLIENT).getEffectiveLevel()).isEqualTo(Level.WARN);
    }
}
