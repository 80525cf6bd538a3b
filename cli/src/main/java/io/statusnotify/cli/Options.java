package io.statusnotify.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option checks picocli's types do not make: each failure names the option (exit code 2). */
final class Options {
    private Options() {
    }

    static void requirePort(CommandSpec spec, String option, int port) {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), option + ": must be a port between 1 and 65535, was " + port);
        }
    }
}
