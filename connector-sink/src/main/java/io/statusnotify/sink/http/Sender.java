package io.statusnotify.sink.http;

import io.statusnotify.schema.TenantConfig;

import java.util.function.Consumer;

/**
 * What the dispatcher sends a notification with: {@link HttpSender} in the app; in tests a fake that records each
 * request and answers it when the test says, in any order.
 */
public interface Sender {
    /** Starts the POST; {@code done} runs once, on any thread, with the response or what stopped it. Never throws. */
    void post(TenantConfig target, String messageId, byte[] body, Consumer<AttemptResult> done);

    /** Called now and then from the delivery thread: connections unused for a while may be closed. */
    void closeIdle();
}
