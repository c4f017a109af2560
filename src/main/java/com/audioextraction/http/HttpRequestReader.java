package com.audioextraction.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.audioextraction.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads what an HTTP caller asked for: the query parameters of a GET as a JSON object, or the raw
 * body of a POST (whatever its Content-Type, so {@code curl -d} without a JSON header works as it
 * did with the original service).
 */
public class HttpRequestReader {

    private final RequestBodies bodies;

    public HttpRequestReader(RequestBodies bodies) {
        this.bodies = bodies;
    }

    /** A short id for a request's log lines and its X-Request-Id header. */
    public static String newRequestId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code ?savepath=a.mp4&audio_format=wav} as {@code {"savepath": "a.mp4", "audio_format": "wav"}}. */
    public JsonNode fromQuery(HttpServerRequest request, String query) {
        // platform-http paused the request for us to read its body; a GET has none, and a paused
        // connection would not notice the client hanging up
        request.resume();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (query == null || query.isEmpty()) {
            return json;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (json.has(name)) {
                throw ApiException.badRequest("query parameter given twice", name);
            }
            json.put(name, value);
        }
        return json;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string", e.getMessage());
        }
    }

    /** The POST body's bytes, already read on the event loop ({@link RequestBodies}); 400 when empty. */
    public byte[] fromBody(HttpServerRequest request) {
        Buffer bytes = bodies.take(request);
        if (bytes == null || bytes.length() == 0 || bytes.toString(StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("request body is empty",
                    "expected a JSON object such as {\"savepath\": \"youtube/abc123.mp4\"}");
        }
        return bytes.getBytes();
    }
}
