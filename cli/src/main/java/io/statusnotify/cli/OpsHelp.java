package io.statusnotify.cli;

/** The help texts every ops command shares (picocli annotations take constants only). */
final class OpsHelp {
    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String OK = "0:done";
    static final String FAILED = "1:failed at run time (Kafka unreachable within --timeout, a topic missing, ...); one line says why";
    static final String USAGE = "2:bad usage or a value that breaks a rule (the line names the option and the rule)";
    static final String NOT_FOUND = "3:not found (e.g. an unknown tenant)";
    static final String EXAMPLES = "%nExamples:%n";

    private OpsHelp() {
    }
}
