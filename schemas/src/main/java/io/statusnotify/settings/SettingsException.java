package io.statusnotify.settings;

/** A setting is missing or invalid; the message names the setting and the rule. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
