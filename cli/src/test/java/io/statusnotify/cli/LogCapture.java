package io.statusnotify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Captures every log event of the loggers named, at DEBUG and above, rendered whole: level, logger, formatted message,
 * key-values, MDC, and every exception in the chain (class, message and stack frames). Restores the levels on close.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Boolean> additivity = new ArrayList<>();

    static LogCapture of(String... loggerNames) {
        LogCapture capture = new LogCapture();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.setContext(context);
        capture.start();
        for (String name : loggerNames) {
            Logger logger = context.getLogger(name);
            capture.loggers.add(logger);
            capture.levels.add(logger.getLevel());
            capture.additivity.add(logger.isAdditive());
            logger.setLevel(Level.DEBUG);
            // Captured, not printed: DEBUG of a whole pipeline would drown the test's own output.
            logger.setAdditive(false);
            logger.addAppender(capture);
        }
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) event.getKeyValuePairs().forEach(kv -> line.append(' ').append(kv.key).append('=').append(kv.value));
        event.getMDCPropertyMap().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            for (var frame : cause.getStackTraceElementProxyArray()) line.append(' ').append(frame.getSTEAsString());
        }
        lines.add(line.toString());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(this);
            loggers.get(i).setLevel(levels.get(i));
            loggers.get(i).setAdditive(additivity.get(i));
        }
        stop();
    }
}
