package io.statusnotify.console.config;

/** A request the console will not carry out, with the HTTP status and the words the page shows. */
public final class ConsoleRefusal extends RuntimeException {
    private final int status;

    public ConsoleRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
