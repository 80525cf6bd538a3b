package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.Sender;

import io.statusnotify.schema.TenantConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records every POST the dispatcher starts and answers it only when the test says, in any order. Requests are named
 * by the notification's {@code sequenceNum} (the dispatcher's message id); answers reach the engine through its
 * tasks, so they take effect at the next {@link EngineFixture#step()}.
 */
final class FakeSender implements Sender {
    record Request(TenantConfig target, long sequenceNum, byte[] body, Consumer<AttemptResult> done) {
    }

    private final List<Request> sent = new ArrayList<>();
    private final List<Request> open = new ArrayList<>();

    @Override
    public synchronized void post(TenantConfig target, String messageId, byte[] body, Consumer<AttemptResult> done) {
        Request request = new Request(target, Long.parseLong(messageId), body, done);
        sent.add(request);
        open.add(request);
    }

    @Override
    public void closeIdle() {
    }

    /** The sequence numbers of every request started so far, in the order they were started. */
    synchronized List<Long> sent() {
        return sent.stream().map(Request::sequenceNum).toList();
    }

    /** The sequence numbers of the requests not answered yet. */
    synchronized List<Long> open() {
        return open.stream().map(Request::sequenceNum).toList();
    }

    /** Answers the open request of notification {@code sequenceNum} with {@code status}. */
    void answer(long sequenceNum, int status) {
        Request request;
        synchronized (this) {
            request = open.stream().filter(r -> r.sequenceNum() == sequenceNum).findFirst()
                    .orElseThrow(() -> new AssertionError("no open request for sequenceNum " + sequenceNum + "; open: " + open()));
            open.remove(request);
        }
        request.done().accept(new AttemptResult.Response(status, null, null));
    }
}
