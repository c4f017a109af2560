package com.audioextraction.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Reads what an HTTP caller asked for: the query parameters of a GET as a JSON object, or the raw
 * body of a POST (at most {@code maxBodyBytes}, whatever its Content-Type, so {@code curl -d}
 * without a JSON header works as it did with the original service).
 */
public class HttpRequestReader {

    private static final long BODY_TIMEOUT_SECONDS = 30;

    private final int maxBodyBytes;

    public HttpRequestReader(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Gives the request its id and keeps the Vert.x response for the streaming step. */
    public void begin(Exchange exchange) {
        exchange.setProperty(ExchangeKeys.REQUEST_ID, UUID.randomUUID().toString().substring(0, 8));
        exchange.setProperty(ExchangeKeys.HTTP_RESPONSE, exchange.getIn(HttpMessage.class).getResponse());
    }

    /** {@code ?savepath=a.mp4&audio_format=wav} as {@code {"savepath": "a.mp4", "audio_format": "wav"}}. */
    public JsonNode fromQuery(Exchange exchange) {
        // platform-http paused the request for us to read its body; a GET has none, and a paused
        // connection would not notice the client hanging up
        exchange.getIn().getBody(HttpServerRequest.class).resume();
        String query = exchange.getIn().getHeader(Exchange.HTTP_RAW_QUERY, String.class);
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

    /** The POST body's bytes; 413 beyond the limit, 400 when empty. */
    public byte[] fromBody(Exchange exchange) throws InterruptedException {
        HttpServerRequest request = exchange.getIn().getBody(HttpServerRequest.class);
        CompletableFuture<Buffer> body = new CompletableFuture<>();
        String declared = request.getHeader("Content-Length");
        if (declared != null && parseLong(declared) > maxBodyBytes) {
            body.completeExceptionally(tooLarge());
        }
        // beyond the limit the rest is read and dropped (the 413 closes the connection), so a
        // client still sending its body is not left blocked before it can read the answer
        Buffer collected = Buffer.buffer();
        request.handler(chunk -> {
            if (body.isDone()) {
                return;
            }
            if (collected.length() + chunk.length() > maxBodyBytes) {
                body.completeExceptionally(tooLarge());
            } else {
                collected.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(body::completeExceptionally);
        request.endHandler(v -> body.complete(collected));
        request.resume();
        Buffer bytes;
        try {
            bytes = body.get(BODY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("request body could not be read", String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw ApiException.badRequest("request body incomplete", "nothing more arrived for " + BODY_TIMEOUT_SECONDS + " s");
        }
        if (bytes.length() == 0 || bytes.toString(StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("request body is empty",
                    "expected a JSON object such as {\"savepath\": \"youtube/abc123.mp4\"}");
        }
        return bytes.getBytes();
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("the request body may be at most " + maxBodyBytes + " bytes");
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid Content-Length", text);
        }
    }
}
