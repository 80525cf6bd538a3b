package io.statusnotify.console.web;

import io.statusnotify.admin.access.Authenticator;
import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebUser;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Session;
import org.eclipse.jetty.session.SessionHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Logins and sessions on Jetty's {@link SessionHandler}: the cookie is HttpOnly, SameSite=Strict and, over TLS,
 * Secure; a session ends after {@code idle} without a request of the user's (the pages' background refreshes do not
 * count) or {@code max} after its login, whichever comes first. A login
 * gets a new session id (no fixation) and its own CSRF token, which every change must send back.
 */
final class ConsoleSessions {
    static final String COOKIE = "console_session";
    private static final String USER = "user";
    private static final String CSRF = "csrf";
    private static final String LOGIN_AT = "loginAt";
    private static final String ACTIVE_AT = "activeAt";
    /** Sent by the pages' own refreshes: not the user being active (an open tab must still reach its idle end). */
    static final String BACKGROUND = "X-Background";
    private final WebConfig users;
    private final Authenticator authenticator;
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    ConsoleSessions(WebConfig users, Authenticator authenticator, Clock clock, Duration idle, Duration max) {
        this.users = users;
        this.authenticator = authenticator;
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    static SessionHandler handler(boolean tls, Duration idle) {
        SessionHandler sessions = new SessionHandler();
        sessions.setSessionCookie(COOKIE);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSecureCookies(tls);
        sessions.setUsingUriParameters(false);
        sessions.setMaxInactiveInterval((int) idle.toSeconds());
        return sessions;
    }

    /** The outcome of a login form. */
    Authenticator.Outcome logIn(Request request, Response response, String name, String password) {
        Authenticator.Outcome outcome = authenticator.check(name, password, Request.getRemoteAddr(request));
        if (outcome instanceof Authenticator.Outcome.Passed passed) {
            Session session = request.getSession(true);
            session.renewId(request, response);
            session.setAttribute(USER, passed.user().name());
            session.setAttribute(CSRF, Passwords.random() + Passwords.random());
            session.setAttribute(LOGIN_AT, clock.millis());
            session.setAttribute(ACTIVE_AT, clock.millis());
        }
        return outcome;
    }

    void logOut(Request request) {
        Session session = request.getSession(false);
        if (session != null && session.isValid()) session.invalidate();
    }

    /** The live session's user, as the users file has them now; a session past its lifetime is ended here. */
    Optional<LoggedIn> current(Request request) {
        Session session = request.getSession(false);
        if (session == null || !session.isValid()) return Optional.empty();
        Object name = session.getAttribute(USER);
        Object loginAt = session.getAttribute(LOGIN_AT);
        Object activeAt = session.getAttribute(ACTIVE_AT);
        if (!(name instanceof String user) || !(loginAt instanceof Long at) || !(activeAt instanceof Long active)) {
            return Optional.empty();
        }
        WebUser webUser = users.users().get(user);
        long now = clock.millis();
        if (webUser == null || now - at > max.toMillis() || now - active > idle.toMillis()) {
            session.invalidate();
            return Optional.empty();
        }
        if (request.getHeaders().get(BACKGROUND) == null) session.setAttribute(ACTIVE_AT, now);
        return Optional.of(new LoggedIn(webUser, session.getId(), (String) session.getAttribute(CSRF)));
    }

    /** Whether the request carries the session's CSRF token (compared in constant time). */
    static boolean csrfMatches(LoggedIn user, String sent) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                user.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
