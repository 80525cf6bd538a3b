package io.statusnotify.admin;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/**
 * {@code SNS_LOG_FORMAT}: {@code text} (default, one readable line per event) or {@code json} (one JSON object per
 * line: timestamp, level, thread, logger, formatted message, key-value pairs such as a delivery failure's tenant,
 * status and attempt, and the exception). Applied to the console appenders at start, before the app logs anything
 * of its own.
 */
public final class LogFormat {
    public static final String TEXT = "text";
    public static final String JSON = "json";

    private LogFormat() {
    }

    /** Reads and applies {@code SNS_LOG_FORMAT}; a value other than text or json is refused, naming the variable. */
    public static void apply(Settings settings) {
        String format = settings.string("SNS_LOG_FORMAT", TEXT).trim().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals(TEXT) && !format.equals(JSON)) {
            throw new SettingsException("SNS_LOG_FORMAT: must be text or json (got '" + format + "')");
        }
        if (format.equals(JSON) && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            useJson(context);
        }
    }

    private static void useJson(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (!(it.next() instanceof ConsoleAppender<ILoggingEvent> console)) continue;
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            // The formatted message only: the raw pattern and its arguments would say the same twice.
            encoder.setWithMessage(false);
            encoder.setWithArguments(false);
            encoder.setWithFormattedMessage(true);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithContext(false);
            encoder.start();
            console.stop();
            console.setEncoder(encoder);
            console.start();
        }
    }
}
