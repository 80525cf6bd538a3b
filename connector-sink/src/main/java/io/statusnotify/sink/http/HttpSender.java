package io.statusnotify.sink.http;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The HTTP boundary: POSTs a notification to a tenant's server without blocking, over pooled keep-alive
 * connections (HTTP/2 where a TLS server offers it), only to addresses the {@link DestinationPolicy} allows. Never
 * follows redirects and never retries on its own (the caller decides, see {@link ResponsePolicy}); response bodies
 * are read and thrown away. A tenant with TLS material of its own gets a client of its own, built off the caller's
 * thread. Thread-safe.
 */
public final class HttpSender implements Sender, AutoCloseable {
    static final String USER_AGENT = "statusnotify/" + version();
    /** Exactly {@code application/json}: JSON is UTF-8 by definition (RFC 8259), which defines no charset parameter. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final TlsClients clients;
    private final RequestConfig requestConfig;
    /** Parsed URL, encoded credentials and signer per config, not redone for every request (configs change rarely). */
    private final Map<TenantConfig, SendTarget> targets = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantConfig, SendTarget> eldest) {
            return size() > 20_000;
        }
    });

    /** With the default destination policy and the system CAs only. */
    HttpSender(Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this(connectTimeout, responseTimeout, maxConnections, DestinationPolicy.defaults(), List.of());
    }

    public HttpSender(Duration connectTimeout, Duration responseTimeout, int maxConnections, DestinationPolicy policy,
               List<X509Certificate> extraCas) {
        this(connectTimeout, responseTimeout, maxConnections, new CheckedDnsResolver(policy), extraCas);
    }

    HttpSender(Duration connectTimeout, Duration responseTimeout, int maxConnections, CheckedDnsResolver resolver,
               List<X509Certificate> extraCas) {
        this(connectTimeout, responseTimeout, new TlsClients(connectTimeout, responseTimeout, maxConnections, resolver, extraCas));
    }

    /** Over {@code clients}, which it closes. */
    HttpSender(Duration connectTimeout, Duration responseTimeout, TlsClients clients) {
        this.clients = clients;
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectTimeout.plus(responseTimeout).toMillis()))
                .build();
    }

    /**
     * POSTs {@code body} to the tenant's URL with its credentials (its secrets opened); {@code done} runs once, on an
     * I/O thread, with the response or the exception that stopped it. Never throws for I/O trouble. A tenant with a
     * signing secret gets {@code messageId} as {@code webhook-id}.
     */
    @Override
    public void post(TenantConfig target, String messageId, byte[] body, Consumer<AttemptResult> done) {
        post(target, messageId, body, done, null);
    }

    /** As above, with the header {@code markerHeader: 1} when not null (the connection test marks its request). */
    public void post(TenantConfig target, String messageId, byte[] body, Consumer<AttemptResult> done, String markerHeader) {
        SendTarget prepared;
        try {
            prepared = targets.computeIfAbsent(target, SendTarget::of);
        } catch (RuntimeException e) {
            done.accept(new AttemptResult.Failure(e));
            return;
        }
        whenReady(prepared, messageId, body, done, markerHeader);
    }

    /**
     * Started here when the host's addresses are known and its client is built (nearly always); else on the lookup
     * or client-building thread once both are: neither may keep the caller, the delivery thread, waiting.
     */
    private void whenReady(SendTarget prepared, String messageId, byte[] body, Consumer<AttemptResult> done, String markerHeader) {
        CompletableFuture<Void> resolved = prepared.uri().getHost() == null ? CompletableFuture.completedFuture(null)
                : clients.resolver().ready(prepared.uri().getHost());
        CompletableFuture<Void> built = clients.ready(prepared.tls());
        if (resolved.isDone() && built.isDone()) {
            start(prepared, built, messageId, body, done, markerHeader);
        } else {
            CompletableFuture.allOf(resolved, built)
                    .whenComplete((ignored, error) -> start(prepared, built, messageId, body, done, markerHeader));
        }
    }

    private void start(SendTarget prepared, CompletableFuture<Void> built, String messageId, byte[] body,
                       Consumer<AttemptResult> done, String markerHeader) {
        if (built.isCompletedExceptionally()) {
            done.accept(new AttemptResult.Failure(TlsClients.failure(built)));
            return;
        }
        PooledClient pooled = clients.acquire(prepared.tls());
        if (pooled == null) {
            // Its client was closed for being unused after it was built and before this request got to it.
            whenReady(prepared, messageId, body, done, markerHeader);
            return;
        }
        try {
            SimpleRequestBuilder request = SimpleRequestBuilder.post(prepared.uri()).setBody(body, JSON)
                    .setHeader(HttpHeaders.USER_AGENT, USER_AGENT);
            if (prepared.authorization() != null) request.setHeader(HttpHeaders.AUTHORIZATION, prepared.authorization());
            if (markerHeader != null) request.setHeader(markerHeader, "1");
            if (prepared.signer() != null) {
                long timestamp = System.currentTimeMillis() / 1000;
                request.setHeader(WebhookSignature.ID, messageId)
                        .setHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                        .setHeader(WebhookSignature.SIGNATURE, prepared.signer().sign(messageId, timestamp, body));
            }
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(requestConfig);
            execute(pooled, request, context, done);
        } catch (Exception e) {
            pooled.finished();
            done.accept(new AttemptResult.Failure(e));
        }
    }

    private void execute(PooledClient pooled, SimpleRequestBuilder request, HttpClientContext context,
                         Consumer<AttemptResult> done) {
        pooled.client.execute(SimpleRequestProducer.create(request.build()),
                    new BasicResponseConsumer<Void>(new DiscardingEntityConsumer<>()), context,
                    new FutureCallback<Message<HttpResponse, Void>>() {
                        @Override
                        public void completed(Message<HttpResponse, Void> result) {
                            pooled.finished();
                            HttpResponse head = result.getHead();
                            Header retryAfter = head.getFirstHeader(HttpHeaders.RETRY_AFTER);
                            done.accept(new AttemptResult.Response(head.getCode(), head.getReasonPhrase(),
                                    retryAfter == null ? null : retryAfter.getValue()));
                        }

                        @Override
                        public void failed(Exception e) {
                            pooled.finished();
                            done.accept(new AttemptResult.Failure(e));
                        }

                        @Override
                        public void cancelled() {
                            pooled.finished();
                            done.accept(new AttemptResult.Failure(new CancellationException("request cancelled")));
                        }
                    });
    }

    /** As above, the {@code webhook-id} read from the notification's {@code sequenceNum} when the tenant signs. */
    void post(TenantConfig target, byte[] body, Consumer<AttemptResult> done) {
        String messageId = target.signingSecret() == null ? null : sequenceNum(body);
        post(target, messageId, body, done);
    }

    private static String sequenceNum(byte[] body) {
        try {
            return Json.mapper().readTree(body).path("sequenceNum").asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** Idle connections are closed, and a tenant's own client unused for a while (the engine calls this now and then). */
    @Override
    public void closeIdle() {
        clients.closeIdle();
    }

    /**
     * Closes at once, aborting any request still in flight: the engine has already given them the shutdown grace, and
     * their records were not committed, so the next owner delivers them.
     */
    @Override
    public void close() {
        clients.close();
    }

    private static String version() {
        try (InputStream in = HttpSender.class.getResourceAsStream("version.properties")) {
            Properties props = new Properties();
            if (in != null) props.load(in);
            String version = props.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
