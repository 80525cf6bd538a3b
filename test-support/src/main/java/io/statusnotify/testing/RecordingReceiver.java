package io.statusnotify.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers with a settable policy (204 by default).
 * It can be stopped and started again on the same port to play a receiver that goes down and comes back.
 */
public final class RecordingReceiver implements AutoCloseable {
    /** One request as received; header names lower-cased. */
    public record Received(String method, String path, Map<String, String> headers, String body, long receivedAtMillis) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer: a status, optional headers (e.g. Retry-After). */
    public record Reply(int status, Map<String, String> headers) {
        public static Reply status(int status) {
            return new Reply(status, Map.of());
        }
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Received, Reply> policy = r -> Reply.status(204);
    private volatile HttpServer server;
    private final int port;
    private final SSLContext tls; // null: plain HTTP
    private final boolean needClientAuth;

    private RecordingReceiver(int requestedPort) {
        this(requestedPort, null, false);
    }

    private RecordingReceiver(int requestedPort, SSLContext tls, boolean needClientAuth) {
        this.tls = tls;
        this.needClientAuth = needClientAuth;
        this.server = listen(requestedPort);
        this.port = server.getAddress().getPort();
    }

    /** Starts on a free port. */
    public static RecordingReceiver start() {
        return new RecordingReceiver(0);
    }

    /** An HTTPS receiver (HTTP/1.1) with {@code tls}'s certificate; {@code needClientAuth}: mTLS required. */
    public static RecordingReceiver startHttps(SSLContext tls, boolean needClientAuth) {
        return new RecordingReceiver(0, tls, needClientAuth);
    }

    public static RecordingReceiver start(int port) {
        return new RecordingReceiver(port);
    }

    public int port() {
        return port;
    }

    /** The URL of {@code path} on this receiver, e.g. {@code url("/hooks/acme")}. */
    public String url(String path) {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port + path).toString();
    }

    public void respondWith(int status) {
        policy = r -> Reply.status(status);
    }

    public void respondWith(Function<Received, Reply> policy) {
        this.policy = policy;
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    public void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public void restart() {
        server = listen(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private HttpServer listen(int onPort) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort);
            HttpServer http = tls == null ? HttpServer.create(address, 50) : https(address);
            http.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "recording-receiver");
                t.setDaemon(true);
                return t;
            }));
            http.createContext("/", this::handle);
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private HttpsServer https(InetSocketAddress address) throws IOException {
        HttpsServer https = HttpsServer.create(address, 50);
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                javax.net.ssl.SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(parameters);
            }
        });
        return https;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(headers), body, System.currentTimeMillis());
            received.add(request);
            Reply reply = policy.apply(request);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), -1);
        }
    }
}
