package io.statusnotify.cli;

import io.statusnotify.sink.SinkMain;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The sink alone: the same entry point as its container image. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = {"Runs the sink alone against an existing Kafka cluster.",
                "(notifications -> each tenant's HTTP server)",
                "Settings come from environment variables: KAFKA_BOOTSTRAP_SERVERS (required),",
                "KAFKA_* client configs, SNS_TOPIC_* and the sink's SNS_* settings (see docs/configuration.md)."},
        footerHeading = "%nExample:%n",
        footer = "  KAFKA_BOOTSTRAP_SERVERS=localhost:9092 ./statusnotify sink")
final class SinkCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        SinkMain.main(new String[0]);
        return StatusnotifyCommand.OK;
    }
}
