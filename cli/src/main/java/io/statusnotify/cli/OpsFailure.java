package io.statusnotify.cli;

/**
 * Why an ops command cannot go on, said in one line (no stack trace), with the exit code it ends with:
 * {@link StatusnotifyCommand#FAILED}, {@link StatusnotifyCommand#USAGE} or {@link StatusnotifyCommand#NOT_FOUND}.
 */
final class OpsFailure extends RuntimeException {
    private final int exitCode;

    OpsFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static OpsFailure usage(String message) {
        return new OpsFailure(StatusnotifyCommand.USAGE, message);
    }

    static OpsFailure notFound(String message) {
        return new OpsFailure(StatusnotifyCommand.NOT_FOUND, message);
    }

    static OpsFailure failed(String message) {
        return new OpsFailure(StatusnotifyCommand.FAILED, message);
    }

    int exitCode() {
        return exitCode;
    }
}
