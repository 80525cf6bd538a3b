package io.statusnotify.bench;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseProducer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The tenants' servers: one non-blocking HTTP/1.1 server on loopback (what a client gets from a plain http:// URL
 * without prior knowledge of HTTP/2) listening on a port per busy tenant, as separate servers would (so the sink
 * keeps a connection pool per tenant), and one port shared by the idle ones; a path per tenant ({@code /<tenant>}), answering 204 — after {@code delayMs} if set, without holding a thread.
 * Every POST goes to the current {@link Recorder}, stamped with its arrival time.
 */
final class Receivers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Receivers.class);
    private final HttpAsyncServer server;
    private final ScheduledExecutorService delayer;
    private final Map<String, Integer> ports = new HashMap<>();
    private int sharedPort;
    private volatile Recorder recorder;

    private Receivers(HttpAsyncServer server, ScheduledExecutorService delayer) {
        this.server = server;
        this.delayer = delayer;
    }

    /** @param ownPorts the tenants that get a port of their own; every other tenant shares one */
    static Receivers start(int delayMs, Collection<String> ownPorts) {
        ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "receiver-delay");
            thread.setDaemon(true);
            return thread;
        });
        Receivers[] self = new Receivers[1];
        HttpAsyncServer server = AsyncServerBootstrap.bootstrap()
                // Requests name 127.0.0.1 as their host; any other canonical name would answer 421 Misdirected Request.
                .setCanonicalHostName("127.0.0.1")
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(2, Runtime.getRuntime().availableProcessors()))
                        .setTcpNoDelay(true)
                        .setBacklogSize(4096)
                        .build())
                .setExceptionCallback(e -> LOG.debug("receiver: {}", e.toString()))
                .register("*", new Handler(delayMs, delayer, (tenant, body, at) -> self[0].arrived(tenant, body, at)))
                .create();
        server.start();
        self[0] = new Receivers(server, delayer);
        try {
            for (String tenant : ownPorts) self[0].ports.put(tenant, listen(server));
            self[0].sharedPort = listen(server);
            return self[0];
        } catch (Exception e) {
            server.close(CloseMode.IMMEDIATE);
            throw new IllegalStateException("cannot start the receivers: " + e, e);
        }
    }

    private static int listen(HttpAsyncServer server) throws Exception {
        ListenerEndpoint endpoint = server.listen(new InetSocketAddress("127.0.0.1", 0), URIScheme.HTTP).get();
        return ((InetSocketAddress) endpoint.getAddress()).getPort();
    }

    String url(String tenant) {
        return "http://127.0.0.1:" + ports.getOrDefault(tenant, sharedPort) + "/" + tenant;
    }

    /** From now on, arrivals go to {@code next} (null: counted nowhere). */
    void recordInto(Recorder next) {
        this.recorder = next;
    }

    private void arrived(String tenant, byte[] body, long atMs) {
        Recorder current = recorder;
        if (current != null) current.record(tenant, body, atMs);
    }

    @Override
    public void close() {
        server.close(CloseMode.GRACEFUL);
        try {
            server.awaitShutdown(TimeValue.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delayer.shutdownNow();
    }

    interface Arrivals {
        void arrived(String tenant, byte[] body, long atMs);
    }

    private record Handler(int delayMs, ScheduledExecutorService delayer, Arrivals arrivals)
            implements AsyncServerRequestHandler<Message<HttpRequest, byte[]>> {

        @Override
        public AsyncRequestConsumer<Message<HttpRequest, byte[]>> prepare(HttpRequest request, EntityDetails entity,
                                                                         HttpContext context) {
            return new BasicRequestConsumer<>(entity == null ? null : new BasicAsyncEntityConsumer());
        }

        @Override
        public void handle(Message<HttpRequest, byte[]> message, ResponseTrigger trigger, HttpContext context)
                throws HttpException, IOException {
            long at = System.currentTimeMillis();
            byte[] body = message.getBody();
            if (body != null) arrivals.arrived(tenantOf(message.getHead().getPath()), body, at);
            if (delayMs <= 0) {
                respond(trigger, context);
            } else {
                delayer.schedule(() -> {
                    try {
                        respond(trigger, context);
                    } catch (HttpException | IOException e) {
                        LOG.debug("delayed response not sent: {}", e.toString());
                    }
                }, delayMs, TimeUnit.MILLISECONDS);
            }
        }

        private static void respond(ResponseTrigger trigger, HttpContext context) throws HttpException, IOException {
            trigger.submitResponse(new BasicResponseProducer(new BasicHttpResponse(HttpStatus.SC_NO_CONTENT)), context);
        }

        static String tenantOf(String path) {
            if (path == null) return "";
            int query = path.indexOf('?');
            String plain = query < 0 ? path : path.substring(0, query);
            return plain.startsWith("/") ? plain.substring(1) : plain;
        }
    }
}
