package io.statusnotify.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "One line per dead letter: time it was dead-lettered, tenant, key, sequenceNum, reason, last HTTP " +
                "status and detail (from the sink's headers; never credentials), partition and offset. With --output json " +
                "one JSON object a line. Reads the DLQ topic without a consumer group.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify dlq list", "  statusnotify dlq list --tenant acme --since 2h --max 50",
                "  statusnotify dlq list --since 2026-11-25T08:00:00Z --output json"})
final class DlqListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Mixin
    DeadLetterFilter filter;

    @Option(names = "--max", paramLabel = "N", description = "At most N lines (the oldest first).")
    Integer max;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw OpsFailure.usage("--max: must be at least 1, was " + max);
        }
        Instant from = filter.from();
        List<DeadLetterView> letters = new ArrayList<>();
        TopicToEnd.read(ops.clients(), ops.topics().notificationsDlq(), from, record -> {
            DeadLetterView letter = DeadLetterView.of(record);
            if (filter.matches(letter)) {
                letters.add(letter);
            }
        });
        letters.sort(java.util.Comparator.comparingLong(DeadLetterView::epochMillis));
        PrintWriter out = spec.commandLine().getOut();
        List<DeadLetterView> shown = max == null ? letters : letters.subList(0, Math.min(max, letters.size()));
        for (DeadLetterView letter : shown) {
            if (ops.json()) OpsOptions.printJson(out, letter); else out.println(letter.text());
        }
        if (!ops.json()) {
            spec.commandLine().getErr().println(shownLine(shown.size(), letters.size()));
            spec.commandLine().getErr().flush();
        }
        out.flush();
        return StatusnotifyCommand.OK;
    }

    static String shownLine(int shown, int found) {
        return shown + " of " + Words.count(found, "dead letter") + " shown.";
    }
}
