package io.statusnotify.admin.web;

import io.statusnotify.admin.access.Authenticator;
import io.statusnotify.admin.access.WebUser;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP basic auth in front of a handler, against the users file, for what machines and curl call (Prometheus scrapes
 * {@code /metrics} with {@code basic_auth}, as in its own {@code web.config.yml}). {@code /health/*} stays open for
 * probes. The user who passed is on the request as {@link #USER}; a refusal says nothing of why.
 */
public final class BasicAuthGuard extends Handler.Wrapper {
    public static final String USER = "statusnotify.user";
    private static final String CHALLENGE = "Basic realm=\"statusnotify\", charset=\"UTF-8\"";
    private final Authenticator authenticator;

    public BasicAuthGuard(Authenticator authenticator, Handler protectedHandler) {
        super(protectedHandler);
        this.authenticator = authenticator;
    }

    /** The user a guard let through, null where no guard stands (no users file). */
    public static WebUser user(Request request) {
        return (WebUser) request.getAttribute(USER);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (Request.getPathInContext(request).startsWith("/health/")) {
            return super.handle(request, response, callback);
        }
        String[] credentials = credentials(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        Authenticator.Outcome outcome = credentials == null ? new Authenticator.Outcome.Refused()
                : authenticator.check(credentials[0], credentials[1], Request.getRemoteAddr(request));
        if (outcome instanceof Authenticator.Outcome.Passed passed) {
            request.setAttribute(USER, passed.user());
            return super.handle(request, response, callback);
        }
        if (outcome instanceof Authenticator.Outcome.Throttled throttled) {
            response.setStatus(429);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000)));
            Content.Sink.write(response, true, "too many failed logins: try again later\n", callback);
            return true;
        }
        response.setStatus(401);
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
        Content.Sink.write(response, true, "login required\n", callback);
        return true;
    }

    /** {name, password}, or null when the header is missing or not basic auth. */
    static String[] credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
