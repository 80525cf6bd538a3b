package io.statusnotify.console.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import io.statusnotify.schema.Json;
import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Asks each sink instance's admin port ({@code GET /api/tenants}, {@code GET /api/tenants/NAME/history}) with the
 * console's own login. An instance that does not answer is left out and logged; the page shows what the others say.
 */
public final class SinkStatusClient implements DeliverySource {
    private static final Logger LOG = LoggerFactory.getLogger(SinkStatusClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FRESH = Duration.ofSeconds(2);
    private static final TypeReference<List<TenantStatus>> ROWS = new TypeReference<>() {
    };
    private static final TypeReference<TenantHistory> HOUR = new TypeReference<>() {
    };
    private final SinkStatusSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private List<TenantStatus> cached;
    private long cachedAt;

    public SinkStatusClient(SinkStatusSettings settings) {
        this.settings = settings;
    }

    /**
     * Asked at most every {@link #FRESH}: every page of every user asks every 10 s, and the sinks' rows are a second
     * old anyway.
     */
    @Override
    public synchronized List<TenantStatus> statuses() {
        if (cached != null && System.nanoTime() - cachedAt < FRESH.toNanos()) return cached;
        List<List<TenantStatus>> perInstance = new ArrayList<>();
        for (URI sink : settings.urls()) {
            get(sink, "/api/tenants").flatMap(body -> parse(sink, body, ROWS)).ifPresent(perInstance::add);
        }
        cached = InstanceMerge.statuses(perInstance);
        cachedAt = System.nanoTime();
        return cached;
    }

    @Override
    public Optional<TenantHistory> history(String tenant) {
        List<TenantHistory> perInstance = new ArrayList<>();
        String path = "/api/tenants/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8).replace("+", "%20") + "/history";
        for (URI sink : settings.urls()) {
            get(sink, path).flatMap(body -> parse(sink, body, HOUR)).ifPresent(perInstance::add);
        }
        return InstanceMerge.histories(perInstance);
    }

    @Override
    public boolean configured() {
        return !settings.urls().isEmpty();
    }

    private Optional<String> get(URI sink, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sink + path)).timeout(TIMEOUT).GET();
        if (settings.user() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) return Optional.of(response.body());
            if (response.statusCode() != 404) LOG.warn("Sink {} answered {} to {}", sink, response.statusCode(), path);
        } catch (IOException e) {
            LOG.warn("Sink {} not reachable: {}", sink, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Empty (and logged) when the answer is not the sink's JSON, e.g. a proxy's page: that instance is left out. */
    private static <T> Optional<T> parse(URI sink, String body, TypeReference<T> type) {
        try {
            return Optional.of(Json.mapper().readValue(body, type));
        } catch (IOException e) {
            LOG.warn("Sink {} answered what the console cannot read ({}): left out", sink, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
