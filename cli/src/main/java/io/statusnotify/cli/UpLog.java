package io.statusnotify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Where {@code up}'s logs go while it runs: all of them to a file (this run's only), and to the console only
 * warnings and errors, unless {@code --verbose}, so that the banner and the demo's notifications stay readable.
 * Added to the logging set up by logback.xml, and taken away again on {@link #close()}.
 */
final class UpLog implements AutoCloseable {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private final Logger root;
    private final FileAppender<ILoggingEvent> file;
    private final List<ConsoleAppender<ILoggingEvent>> quieted;
    private final ThresholdFilter warnings;

    private UpLog(Logger root, FileAppender<ILoggingEvent> file, List<ConsoleAppender<ILoggingEvent>> quieted,
                  ThresholdFilter warnings) {
        this.root = root;
        this.file = file;
        this.quieted = quieted;
        this.warnings = warnings;
    }

    /** Starts logging to {@code path}; {@code verbose}: the console keeps every line, as without this class. */
    static UpLog start(Path path, boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory of " + path, e);
        }
        FileAppender<ILoggingEvent> file = fileAppender(context, path);
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        List<ConsoleAppender<ILoggingEvent>> quieted = verbose ? List.of() : consoleAppenders(root);
        quieted.forEach(console -> console.addFilter(warnings));
        root.addAppender(file);
        return new UpLog(root, file, quieted, warnings);
    }

    @Override
    public void close() {
        root.detachAppender(file);
        file.stop();
        for (ConsoleAppender<ILoggingEvent> console : quieted) {
            // Logback can only clear all filters: put back the ones that were there before.
            List<Filter<ILoggingEvent>> others = new ArrayList<>(console.getCopyOfAttachedFiltersList());
            others.remove(warnings);
            console.clearAllFilters();
            others.forEach(console::addFilter);
        }
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path path) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("up-log");
        file.setFile(path.toString());
        file.setAppend(false);
        file.setEncoder(encoder);
        file.start();
        if (!file.isStarted()) {
            throw new IllegalStateException("cannot write the log file " + path);
        }
        return file;
    }

    private static List<ConsoleAppender<ILoggingEvent>> consoleAppenders(Logger root) {
        List<ConsoleAppender<ILoggingEvent>> consoles = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) consoles.add(console);
        }
        return consoles;
    }
}
