package io.statusnotify.console.web;

import io.statusnotify.admin.web.Responses;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's pages and assets, read once from the jar: only the files listed here are served, so no path a
 * browser sends can reach anything else. Every page forbids inline script and style and framing.
 */
final class StaticFiles {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final List<String> FILES = List.of("login.html", "super-admin.html", "tenant.html", "console.css",
            "console.js", "login.js", "super-admin.js", "tenant.js");
    private final Map<String, String> files = new HashMap<>();

    StaticFiles() {
        for (String name : FILES) {
            try (InputStream in = StaticFiles.class.getResourceAsStream("/io/statusnotify/console/web/" + name)) {
                if (in != null) files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    boolean send(Request request, Response response, Callback callback, String name) {
        String body = files.get(name);
        if (body == null) return Responses.notFound(request, response, callback);
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Frame-Options", "DENY");
        // Not no-referrer: with it Chromium sends "Origin: null" on the login form's POST, which the origin check refuses.
        response.getHeaders().put("Referrer-Policy", "same-origin");
        return Responses.send(request, response, callback, 200, type(name), body);
    }

    private static String type(String name) {
        if (name.endsWith(".html")) return Responses.HTML;
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        return Responses.TEXT;
    }
}
