package io.statusnotify.cli;

import io.statusnotify.streams.StreamsMain;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The streams app alone: the same entry point as its container image. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Runs the streams app alone against an existing Kafka cluster.",
                "(events + tenant config -> notifications)",
                "Settings come from environment variables: KAFKA_BOOTSTRAP_SERVERS (required),",
                "KAFKA_* client configs, SNS_TOPIC_*, SNS_APPLICATION_ID, SNS_STATE_DIR and more (see docs/configuration.md)."},
        footerHeading = "%nExample:%n",
        footer = "  KAFKA_BOOTSTRAP_SERVERS=localhost:9092 ./statusnotify streams")
final class StreamsCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        StreamsMain.main(new String[0]);
        return StatusnotifyCommand.OK;
    }
}
