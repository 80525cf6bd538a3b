package io.statusnotify.sink;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up and tear-down every sink IT shares, as a JUnit 5 extension on a field. Before each test: its
 * {@link SinkHarness} bound to the JVM's shared broker (started on first use), the topics created, and each tenant
 * of {@link #receiverFor} configured to post to its receiver's {@code /hook}. After each test (after the class's own
 * {@code @AfterEach} methods): every sink the harness started closed, then every receiver, then the log checked for
 * the tenants' password and any other secret named.
 * <pre>{@code
 * @RegisterExtension
 * final SinkHarnessExtension harness = new SinkHarnessExtension().with("SNS_RETRY_MAX_ATTEMPTS", "0");
 * private final SinkHarness sink = harness.sink();
 * private final RecordingReceiver receiver = harness.receiverFor("acme");
 * }</pre>
 * The fields are made per test (JUnit's default lifecycle), so is the extension: nothing is shared between tests.
 */
final class SinkHarnessExtension implements BeforeEachCallback, AfterEachCallback {
    private final SinkHarness sink = new SinkHarness();
    private final Map<String, RecordingReceiver> tenants = new LinkedHashMap<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private boolean createTopics = true;

    /** A sink setting for every test of the class (a test may still change it with {@code sink().with}). */
    SinkHarnessExtension with(String name, String value) {
        sink.with(name, value);
        return this;
    }

    /** For tests of how the sink meets topics that are missing or made otherwise: none are created before them. */
    SinkHarnessExtension withoutTopics() {
        createTopics = false;
        return this;
    }

    /** Another secret the log must never hold, besides the tenants' password and credentials. */
    SinkHarnessExtension logNeverContains(String secret) {
        secrets.add(secret);
        return this;
    }

    SinkHarness sink() {
        return sink;
    }

    /** A receiver, started now and closed after the test. */
    RecordingReceiver receiver() {
        return closing(RecordingReceiver.start());
    }

    /** A receiver for {@code tenant}: configured before the test to post to its {@code /hook}. */
    RecordingReceiver receiverFor(String tenant) {
        RecordingReceiver receiver = receiver();
        tenants.put(tenant, receiver);
        return receiver;
    }

    /** Anything else to close after the test (another kind of receiver), after the sinks. */
    <T extends AutoCloseable> T closing(T resource) {
        closing.add(resource);
        return resource;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sink.bind(SharedKafka.broker(context));
        if (createTopics) sink.createTopics();
        tenants.forEach((tenant, receiver) -> sink.config(tenant, receiver.url("/hook")));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            sink.close();
        } finally {
            for (AutoCloseable resource : closing) resource.close();
        }
        SinkHarness.assertLogHoldsNoSecret();
        for (String secret : secrets) assertThat(SinkHarness.capturedLog()).doesNotContain(secret);
    }
}
