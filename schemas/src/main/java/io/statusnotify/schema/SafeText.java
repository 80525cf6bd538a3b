package io.statusnotify.schema;

import java.net.URI;

/** Text fit for logs, exceptions and DLQ headers: never a password, nor the secret parts of a URL. */
public final class SafeText {
    private SafeText() {
    }

    /** Scheme, host, port and path only (no userinfo, query or fragment). */
    public static String url(String url) {
        if (url == null) return "null";
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) return "<unparseable URL>";
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme() + "://" + uri.getHost() + port + path;
        } catch (Exception e) {
            return "<unparseable URL>";
        }
    }

    /**
     * {@code text} with {@code secret} masked, for messages that may echo input. Quoted occurrences are always
     * masked; bare ones only from 4 characters on, so a one-letter password does not garble every message.
     */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) return text;
        String masked = text.replace("\"" + secret + "\"", "\"***\"").replace("'" + secret + "'", "'***'");
        return secret.length() >= 4 ? masked.replace(secret, "***") : masked;
    }

    /**
     * A record key fit for a log line: control characters escaped (a key with CR LF cannot forge a line), and cut
     * after {@value TenantConfigRules#MAX_TENANT_NAME_LENGTH} characters, saying how long it was.
     */
    public static String key(String key) {
        if (key == null) return "null";
        StringBuilder shown = new StringBuilder();
        int end = Math.min(key.length(), TenantConfigRules.MAX_TENANT_NAME_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c)) shown.append(String.format("\\u%04x", (int) c));
            else shown.append(c);
        }
        if (key.length() > end) shown.append("...(").append(key.length()).append(" characters)");
        return shown.toString();
    }
}
