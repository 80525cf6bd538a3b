package io.statusnotify.sink;

import io.statusnotify.schema.TenantConfig;

import java.util.function.Consumer;

/** What the dispatcher needs of the HTTP boundary ({@link HttpSender}); tests give it a fake. */
interface Sender {
    /** POSTs {@code body} to the tenant; {@code done} runs once, on another thread, with the response or the error. */
    void post(TenantConfig target, String messageId, byte[] body, Consumer<AttemptResult> done);

    /** Closes connections idle for a while. */
    void closeIdle();
}
