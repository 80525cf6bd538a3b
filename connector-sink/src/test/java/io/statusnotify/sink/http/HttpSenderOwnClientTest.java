package io.statusnotify.sink.http;

import io.statusnotify.sink.connectiontest.ConnectionTestWords;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.TestCertificates;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** A tenant's own HTTP client is built off the caller's thread: a slow or failing build holds up that tenant only. */
class HttpSenderOwnClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration RESPONSE = Duration.ofSeconds(10);
    private static final AttemptResult NO_CONTENT = new AttemptResult.Response(204, "No Content", null);
    @TempDir
    static Path dir;
    private static TestCertificates ca;
    private static TestCertificates.Issued server;

    private final CountDownLatch buildsMayGo = new CountDownLatch(1);
    private final List<String> buildThreads = new CopyOnWriteArrayList<>();
    private final List<PooledClient> built = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> failNextBuild = new ConcurrentLinkedQueue<>();
    private final CheckedDnsResolver resolver = new CheckedDnsResolver(DestinationPolicy.defaults());
    private final TlsClients.OwnClientFactory real = TlsClients.ownClients(CONNECT, RESPONSE, 10, resolver, List.of());
    private final HttpSender sender = new HttpSender(CONNECT, RESPONSE,
            new TlsClients(CONNECT, RESPONSE, 10, resolver, List.of(), this::slowBuild));
    private final RecordingReceiver plain = RecordingReceiver.start();
    private RecordingReceiver https;

    @BeforeAll
    static void makeCertificates() {
        ca = TestCertificates.createCa(dir, "own");
        server = ca.issue("receiver", "dns:localhost,ip:127.0.0.1");
    }

    /**
     * The real build, once the test lets it go, unless the test has a failure queued for it. Deaf to interrupts, as
     * loading TLS material is.
     */
    private PooledClient slowBuild(SendTarget.OwnTls material) {
        buildThreads.add(Thread.currentThread().getName());
        boolean interrupted = false;
        while (true) {
            try {
                if (!buildsMayGo.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the test never let the build go");
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            RuntimeException failure = failNextBuild.poll();
            if (failure != null) throw failure;
            PooledClient client = real.make(material);
            built.add(client);
            return client;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void tearDown() {
        buildsMayGo.countDown();
        sender.close();
        plain.close();
        if (https != null) https.close();
    }

    private TenantConfig ownTls(String path) {
        https = https != null ? https : RecordingReceiver.startHttps(server.context(null), false);
        return withCaCertificates(https.url(path), ca.caPem());
    }

    private static TenantConfig withCaCertificates(String url, String caPem) {
        return new TenantConfig(true, url, "u", Secret.clear("p"), null, null, caPem, null, null, null);
    }

    private CompletableFuture<AttemptResult> post(TenantConfig tenant) {
        CompletableFuture<AttemptResult> answer = new CompletableFuture<>();
        sender.post(tenant, "1", "{}".getBytes(), answer::complete);
        return answer;
    }

    private static AttemptResult answer(CompletableFuture<AttemptResult> answer) {
        return answer.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Test
    void aSlowClientBuildNeitherBlocksTheCallerNorDelaysATenantOnTheSharedClient() {
        TenantConfig slow = ownTls("/slow");
        TenantConfig shared = new TenantConfig(true, plain.url("/shared"), null, null);

        // when: three requests for the tenant whose client is still being built, then one for another, from this thread
        List<CompletableFuture<AttemptResult>> slowAnswers = List.of(post(slow), post(slow), post(slow));
        CompletableFuture<AttemptResult> sharedAnswer = post(shared);

        // then: the other tenant is answered while the build still waits, and one build, not here, serves all three
        assertThat(answer(sharedAnswer)).isEqualTo(NO_CONTENT);
        assertThat(slowAnswers).noneMatch(CompletableFuture::isDone);
        await().atMost(WAIT).until(() -> !buildThreads.isEmpty());
        assertThat(buildThreads).singleElement().asString().startsWith(TlsClients.BUILD_THREAD);

        // and once the client is built, the waiting requests go out
        buildsMayGo.countDown();
        assertThat(slowAnswers).allSatisfy(answer -> assertThat(answer(answer)).isEqualTo(NO_CONTENT));
        assertThat(https.requestsTo("/slow")).hasSize(3);

        // and the next request uses that client without building another
        assertThat(answer(post(slow))).isEqualTo(NO_CONTENT);
        assertThat(buildThreads).hasSize(1);
    }

    @Test
    void aFailedBuildFailsItsRequestWithTheBuildsOwnErrorAndTheNextAttemptBuildsAgain() {
        buildsMayGo.countDown();
        IllegalArgumentException broken = new IllegalArgumentException("clientKey: does not fit clientCertificate (KeyStoreException)");
        failNextBuild.add(broken);
        TenantConfig tenant = ownTls("/hook");

        AttemptResult first = answer(post(tenant));
        AttemptResult second = answer(post(tenant));

        assertThat(first).isInstanceOfSatisfying(AttemptResult.Failure.class, f -> assertThat(f.error()).isSameAs(broken));
        assertThat(ResponsePolicy.classify(first, Instant.now())).isEqualTo(new Verdict.Fail("request"));
        assertThat(second).isEqualTo(NO_CONTENT);
        assertThat(buildThreads).hasSize(2);
        assertThat(https.requestsTo("/hook")).hasSize(1);
    }

    @Test
    void materialThatCannotBeLoadedFailsEveryAttemptInTheSameWordsAsWhenBuiltOnTheCallersThread() {
        buildsMayGo.countDown();
        TenantConfig tenant = withCaCertificates(plain.url("/hook"), "not a certificate");
        String words = catchIllegalArgumentException(() -> TlsContexts.forTenant(tenant, List.of())).getMessage();

        List<AttemptResult> attempts = List.of(answer(post(tenant)), answer(post(tenant)));

        assertThat(attempts).allSatisfy(result -> {
            assertThat(result).isInstanceOfSatisfying(AttemptResult.Failure.class, f -> assertThat(f.error())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(words));
            assertThat(ConnectionTestWords.describe(result, Duration.ZERO, tenant).message())
                    .startsWith("IllegalArgumentException: " + words);
        });
        assertThat(buildThreads).hasSize(2);
        assertThat(plain.requests()).isEmpty();
    }

    @Test
    void aClientStillBeingBuiltWhenTheSenderClosesIsClosedAndItsRequestFails() {
        CompletableFuture<AttemptResult> waiting = post(ownTls("/hook"));
        await().atMost(WAIT).until(() -> buildThreads.size() == 1);

        // when: the sender closes while the build waits, and the build ends after that
        CompletableFuture<Void> closing = CompletableFuture.runAsync(sender::close);
        assertThat(answer(waiting)).isInstanceOfSatisfying(AttemptResult.Failure.class,
                f -> assertThat(f.error()).isInstanceOf(CancellationException.class));
        buildsMayGo.countDown();

        // then: the client it built is closed, and closing returns
        await().atMost(WAIT).until(() -> built.size() == 1 && built.get(0).client.getStatus() == IOReactorStatus.SHUT_DOWN);
        closing.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(https.requests()).isEmpty();
    }
}
