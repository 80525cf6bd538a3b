package io.statusnotify.cli;

import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code events send}: checks every line first, then sends (all, or with --skip-bad the good ones). */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Sends portal user-status events from a file of JSON lines (one event per line, as in docs/contract.md) " +
                "to the events topic, keyed tenant/memberID as the portal does. Every line is checked first with the " +
                "streams app's strict reader; each bad line is reported with its number and reason. " +
                "If any line is bad, nothing is sent (exit 2) unless --skip-bad is given: then the good lines are sent " +
                "and the exit code is still 2, so a script notices. Sent events are acknowledged by Kafka (acks=all).",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, "2:bad usage, or a line was bad (sent nothing, or with --skip-bad only the good lines)"},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify events send --file recorded.jsonl",
                "  statusnotify events send --file recorded.jsonl --skip-bad --output json",
                "  producer-dump | statusnotify events send --file -"})
final class EventsSendCommand implements Callable<Integer> {
    private static final int MAX_BAD_LINES_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "JSON lines of events; - reads standard input.")
    String file;

    @Option(names = "--skip-bad", description = "Send the good lines even when some are bad (exit code still 2).")
    boolean skipBad;

    @Override
    public Integer call() {
        EventLines lines = EventLines.parse(input());
        boolean send = lines.bad().isEmpty() || skipBad;
        String topic = ops.topics().userStatus();
        int sent = send && !lines.good().isEmpty() ? send(topic, lines.good()) : 0;
        report(lines, sent, topic);
        return lines.bad().isEmpty() ? StatusnotifyCommand.OK : StatusnotifyCommand.USAGE;
    }

    private int send(String topic, List<EventLines.Good> good) {
        List<ProducerRecord<String, byte[]>> records = good.stream()
                .map(line -> new ProducerRecord<>(topic, line.key(), line.value())).toList();
        return ops.clients().sendAll(topic, records, "running it again sends every line again");
    }

    private void report(EventLines lines, int sent, String topic) {
        PrintWriter out = spec.commandLine().getOut();
        if (ops.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("topic", topic);
            result.put("sent", sent);
            result.put("good", lines.good().size());
            result.put("bad", lines.bad());
            OpsOptions.printJson(out, result);
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        lines.bad().stream().limit(MAX_BAD_LINES_SHOWN)
                .forEach(bad -> err.println("line " + bad.line() + ": " + bad.reason() + ": " + bad.message()));
        if (lines.bad().size() > MAX_BAD_LINES_SHOWN) {
            err.println("... and " + Words.count(lines.bad().size() - MAX_BAD_LINES_SHOWN, "more bad line")
                    + " (--output json lists them all)");
        }
        err.flush();
        out.println(summary(lines.good().size(), lines.bad().size(), sent, topic, skipBad));
        out.flush();
    }

    static String summary(int good, int bad, int sent, String topic, boolean skipBad) {
        if (bad == 0 || skipBad) {
            return "Sent " + Words.count(sent, "event") + " to " + topic
                    + (bad == 0 ? "." : "; skipped " + Words.count(bad, "bad line") + ".");
        }
        if (good == 0) {
            return bad == 1 ? "Sent nothing: the only line is not a valid event."
                    : "Sent nothing: none of the " + bad + " lines is a valid event.";
        }
        return "Sent nothing: " + bad + " of " + Words.count(good + bad, "line") + " "
                + Words.oneOrMany(bad, "is bad. Fix it", "are bad. Fix them")
                + ", or give --skip-bad to send the " + Words.count(good, "good one") + ".";
    }

    private byte[] input() {
        try {
            if ("-".equals(file)) {
                return readAll(System.in);
            }
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw OpsFailure.usage("--file: no such file " + file);
        } catch (IOException e) {
            throw OpsFailure.usage("--file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
