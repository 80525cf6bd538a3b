package io.statusnotify.admin.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Whole answers on Jetty's core API: a status, a type and a body at once, never cached (they show live state). */
public final class Responses {
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";

    private Responses() {
    }

    /** Sends {@code body} (none for HEAD, with its length) and returns true, as a handler that took the request does. */
    public static boolean send(Request request, Response response, Callback callback, int status, String contentType,
                               String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (request.getMethod().equals("HEAD")) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
        return true;
    }

    /** 405 naming {@code allowed} when the method is not one of them; true when it answered so. */
    public static boolean refusedMethod(Request request, Response response, Callback callback, List<String> allowed) {
        if (allowed.contains(request.getMethod())) return false;
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
        send(request, response, callback, 405, TEXT, "method not allowed\n");
        return true;
    }

    /** GET and HEAD only, as every page that only shows something. */
    public static boolean refusedUnlessRead(Request request, Response response, Callback callback) {
        return refusedMethod(request, response, callback, List.of("GET", "HEAD"));
    }

    public static boolean notFound(Request request, Response response, Callback callback) {
        return send(request, response, callback, 404, TEXT, "not found\n");
    }

    /** The request body as UTF-8 text, for the small JSON bodies these ports take. */
    public static String body(Request request) throws java.io.IOException {
        return Content.Source.asString(request, StandardCharsets.UTF_8);
    }
}
