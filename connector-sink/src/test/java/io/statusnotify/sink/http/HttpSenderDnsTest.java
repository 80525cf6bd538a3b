package io.statusnotify.sink.http;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.testing.RecordingReceiver;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A tenant whose DNS server hangs holds up neither the caller's thread nor another tenant's requests. */
class HttpSenderDnsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final RecordingReceiver receiver = RecordingReceiver.start();
    private final CountDownLatch dnsAnswers = new CountDownLatch(1);
    private final AtomicInteger slowLookups = new AtomicInteger();
    private final DnsResolver hangingForSlowTest = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals("slow.test")) return SystemDefaultDnsResolver.INSTANCE.resolve(host);
            slowLookups.incrementAndGet();
            try {
                dnsAnswers.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[]{InetAddress.getLoopbackAddress()};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };
    private final HttpSender sender = new HttpSender(Duration.ofSeconds(5), Duration.ofSeconds(10), 10,
            new CheckedDnsResolver(DestinationPolicy.defaults(), hangingForSlowTest), List.of());

    @AfterEach
    void tearDown() {
        dnsAnswers.countDown();
        sender.close();
        receiver.close();
    }

    @Test
    void aHangingLookupNeitherBlocksTheCallerNorDelaysAnotherTenant() {
        TenantConfig slow = new TenantConfig(true, receiver.url("/slow").replace("127.0.0.1", "slow.test"), null, null);
        TenantConfig fast = new TenantConfig(true, receiver.url("/fast"), null, null);
        CompletableFuture<AttemptResult> slowAnswer = new CompletableFuture<>();
        CompletableFuture<AttemptResult> fastAnswer = new CompletableFuture<>();

        // when: three requests to the hanging host, then one to another tenant, all from this thread
        for (int i = 0; i < 3; i++) sender.post(slow, "1", "{}".getBytes(), slowAnswer::complete);
        sender.post(fast, "2", "{}".getBytes(), fastAnswer::complete);

        // then: the other tenant is answered while the lookup still hangs (and one lookup serves all three)
        await().atMost(WAIT).until(fastAnswer::isDone);
        assertThat(fastAnswer.join()).isInstanceOfSatisfying(AttemptResult.Response.class, r -> assertThat(r.status()).isEqualTo(204));
        assertThat(slowAnswer).isNotDone();
        assertThat(slowLookups.get()).isEqualTo(1);

        // and once DNS answers, the waiting requests go out
        dnsAnswers.countDown();
        await().atMost(WAIT).until(() -> receiver.requestsTo("/slow").size() == 3);
        assertThat(slowLookups.get()).isEqualTo(1);
    }
}
