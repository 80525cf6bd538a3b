package io.statusnotify.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A tenant's name as one path segment of a URL. */
final class Paths {
    private Paths() {
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
