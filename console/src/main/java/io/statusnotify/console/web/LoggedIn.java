package io.statusnotify.console.web;

import io.statusnotify.admin.access.WebUser;

/** The user of a live session, the session's id (test tokens are bound to it) and its CSRF token. */
record LoggedIn(WebUser user, String sessionId, String csrfToken) {
    /** Never the CSRF token. */
    @Override
    public String toString() {
        return "LoggedIn[" + user.name() + "]";
    }
}
