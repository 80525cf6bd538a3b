package io.statusnotify.sink.http;

import org.apache.hc.client5.http.ClientProtocolException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Decides from one attempt's result whether the notification is delivered, worth retrying, or dead. 2xx succeeds;
 * connection errors, timeouts, 408, 429 and 5xx are retried (429/503 with the server's Retry-After); 401, 403 and
 * 410 (the receiver refusing us) park the tenant until its config changes; a destination the policy refuses and
 * anything else, redirects included, fails for good.
 */
public final class ResponsePolicy {
    private ResponsePolicy() {
    }

    public static Verdict classify(AttemptResult result, Instant now) {
        if (result instanceof AttemptResult.Response response) {
            return classifyStatus(response, now);
        }
        Exception error = ((AttemptResult.Failure) result).error();
        // The same host resolves to the same refused address next time: final, with the policy's words.
        if (error instanceof DestinationRefusedException) return new Verdict.Fail(DestinationRefusedException.CAUSE);
        String cause = errorCause(error);
        // A request that cannot be made (a malformed URL, say) fails the same way every time; anything else may be
        // passing trouble on our side or theirs, and dead-lettering everything for it would be worse.
        boolean permanent = error instanceof ClientProtocolException || error instanceof IllegalArgumentException
                || error instanceof java.net.URISyntaxException;
        return permanent ? new Verdict.Fail(cause) : new Verdict.Retry(cause, Optional.empty());
    }

    private static Verdict classifyStatus(AttemptResult.Response response, Instant now) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Verdict.Success();
        }
        String cause = statusClass(status);
        if (status == 429 || status == 503) {
            return new Verdict.Retry(cause, RetryAfter.parse(response.retryAfter(), now));
        }
        if (status == 408 || (status >= 500 && status < 600)) {
            return new Verdict.Retry(cause, Optional.<Duration>empty());
        }
        if (status == 401 || status == 403 || status == 410) {
            return new Verdict.Park(cause);
        }
        return new Verdict.Fail(cause);
    }

    static String statusClass(int status) {
        return status / 100 + "xx";
    }

    /** A short, stable error kind for metrics (not the message, which may vary without bound). */
    static String errorCause(Exception error) {
        if (error instanceof InterruptedIOException) return "timeout"; // socket, connect and response timeouts
        if (error instanceof ConnectException || error instanceof NoRouteToHostException) return "connect";
        if (error instanceof DestinationRefusedException) return DestinationRefusedException.CAUSE;
        if (error instanceof UnknownHostException) return "dns";
        if (error instanceof SSLException) return "tls";
        if (error instanceof ClientProtocolException) return "protocol";
        if (error instanceof IOException) return "io";
        return "request";
    }
}
