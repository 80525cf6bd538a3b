package io.statusnotify.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.admin.web.Responses;
import io.statusnotify.console.config.ConsoleRefusal;
import io.statusnotify.schema.Json;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON in and out for the console's API; a refusal is {@code {"error": "..."}} with its status. */
final class ApiReplies {
    private static final int MAX_BODY = 64 * 1024;

    private ApiReplies() {
    }

    static boolean json(Request request, Response response, Callback callback, int status, Object value) {
        return Responses.send(request, response, callback, status, Responses.JSON,
                new String(Json.write(value), StandardCharsets.UTF_8));
    }

    static boolean error(Request request, Response response, Callback callback, int status, String message) {
        return json(request, response, callback, status, Map.of("error", message));
    }

    static boolean refused(Request request, Response response, Callback callback, ConsoleRefusal refusal) {
        return error(request, response, callback, refusal.status(), refusal.getMessage());
    }

    /** The whole body, at most {@link #MAX_BODY} characters. */
    static String read(Request request) throws IOException {
        String text = Responses.body(request);
        if (text.length() > MAX_BODY) throw new ConsoleRefusal(413, "request too large");
        return text;
    }

    /**
     * {@code text} as {@code type}; text that is not such JSON is a 400 with the reason (never the text itself).
     * {@code booleans}: fields that must be there as true or false (a misspelt name must not read as false).
     */
    static <T> T parse(String text, Class<T> type, String... booleans) {
        try {
            JsonNode tree = Json.mapper().readTree(text);
            if (tree == null || !tree.isObject()) throw new ConsoleRefusal(400, "the body must be a JSON object");
            for (String field : booleans) {
                if (!tree.path(field).isBoolean()) throw new ConsoleRefusal(400, field + ": required, true or false");
            }
            return Json.mapper().treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConsoleRefusal(400, "the body is not the JSON this route takes");
        }
    }
}
