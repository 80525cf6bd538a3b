package io.statusnotify.sink.http;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.testing.TestCertificates;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.StringAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseProducer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.impl.nio.bootstrap.H2ServerBootstrap;
import org.apache.hc.core5.http2.ssl.H2ServerTlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A TLS server that offers HTTP/2 (ALPN) gets HTTP/2 from the sink. */
class HttpSenderHttp2Test {

    @Test
    void http2IsNegotiatedOverTlsWhenTheServerOffersIt(@TempDir Path dir) throws Exception {
        TestCertificates ca = TestCertificates.createCa(dir, "h2");
        List<ProtocolVersion> versions = new CopyOnWriteArrayList<>();
        HttpAsyncServer server = H2ServerBootstrap.bootstrap()
                .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                // Requests name 127.0.0.1 as their authority: any other canonical name answers 421 Misdirected.
                .setCanonicalHostName("127.0.0.1")
                .setTlsStrategy(new H2ServerTlsStrategy(ca.issue("h2", "ip:127.0.0.1").context(null)))
                .register("*", new AsyncServerRequestHandler<Message<HttpRequest, String>>() {
                    @Override
                    public AsyncRequestConsumer<Message<HttpRequest, String>> prepare(HttpRequest request,
                            EntityDetails entity, HttpContext context) {
                        return new BasicRequestConsumer<>(entity == null ? null : new StringAsyncEntityConsumer());
                    }

                    @Override
                    public void handle(Message<HttpRequest, String> message, ResponseTrigger trigger, HttpContext context)
                            throws org.apache.hc.core5.http.HttpException, java.io.IOException {
                        versions.add(context.getProtocolVersion());
                        trigger.submitResponse(new BasicResponseProducer(new org.apache.hc.core5.http.message.BasicHttpResponse(204)), context);
                    }
                })
                .create();
        server.start();
        try (HttpSender sender = new HttpSender(Duration.ofSeconds(5), Duration.ofSeconds(10), 4, DestinationPolicy.defaults(),
                TlsContexts.certificates(ca.caPem(), "test"))) {
            ListenerEndpoint endpoint = server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), URIScheme.HTTPS)
                    .get(10, TimeUnit.SECONDS);
            int port = ((InetSocketAddress) endpoint.getAddress()).getPort();
            CompletableFuture<AttemptResult> result = new CompletableFuture<>();

            sender.post(new TenantConfig(true, "https://127.0.0.1:" + port + "/hook", null, null),
                    "{}".getBytes(StandardCharsets.UTF_8), result::complete);

            assertThat(result.get(15, TimeUnit.SECONDS)).isInstanceOfSatisfying(AttemptResult.Response.class,
                    response -> assertThat(response.status()).isEqualTo(204));
            assertThat(versions).singleElement().satisfies(version -> assertThat(version.getMajor()).isEqualTo(2));
        } finally {
            server.close(CloseMode.IMMEDIATE);
        }
    }
}
