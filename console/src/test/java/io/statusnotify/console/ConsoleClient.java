package io.statusnotify.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.Json;
import io.statusnotify.testing.TestHttp;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One browser-like user of the console over HTTP: its own cookies, the CSRF token of its session, every body it got. */
final class ConsoleClient {
    private final String base;
    private final HttpClient http;
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private String csrf;

    ConsoleClient(String base) {
        this(base, null);
    }

    ConsoleClient(String base, SSLContext tls) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) builder.sslContext(tls);
        this.http = builder.build();
    }

    /** The login form's POST; the answer is a 303 whose Location says how it went. */
    HttpResponse<String> logIn(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.headers().firstValue("location").orElse("").equals("/")) {
            csrf = json(get("/api/session")).path("csrfToken").asText();
        }
        return response;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A change as the pages make it: JSON, with the session's CSRF token. */
    HttpResponse<String> change(String method, String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").header("X-CSRF-Token", csrf == null ? "" : csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        bodies.add(response.body());
        response.headers().map().forEach((name, values) -> bodies.add(name + ": " + values));
        return response;
    }

    HttpRequest.Builder request(String path) {
        return TestHttp.request(URI.create(base + path));
    }

    String csrf() {
        return csrf;
    }

    /** Every body and header this client was sent, to search for what must never be there. */
    List<String> everythingReceived() {
        return List.copyOf(bodies);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }
}
