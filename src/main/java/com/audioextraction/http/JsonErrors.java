package com.audioextraction.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;

/**
 * The JSON error shape, {@code {"error": "...", "detail": "..."}}, for answers given outside
 * Camel's routes: on the event loop (bodies too large or too slow, malformed requests), and for
 * paths and methods no route serves. Errors inside the routes go through {@link ErrorResponder}.
 */
public final class JsonErrors implements RouterSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON body of an error. */
    public static String body(String error, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers with the error; with {@code close}, the connection is closed once the answer is out
     * (the rest of the request is not read, so the connection cannot serve another one). The
     * future completes when the answer is written.
     */
    public static Future<Void> send(HttpServerResponse response, int status, String error, String detail, boolean close) {
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json");
        if (close) {
            response.putHeader("Connection", "close");
        }
        return response.end(body(error, detail)).onComplete(done -> {
            if (close) {
                response.close();
            }
        });
    }

    /** Requests Netty could not parse (a bad Content-Length, a request line or headers too long). */
    public static void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            send(request.response(), 414, "request line too long", "the request line may be at most 4096 bytes", true);
        } else if (cause instanceof TooLongHttpHeaderException) {
            send(request.response(), 431, "request headers too large", "the headers may be at most 8192 bytes", true);
        } else {
            send(request.response(), 400, "malformed HTTP request",
                    cause == null ? "the request could not be parsed" : cause.getMessage(), true);
        }
    }

    /** Paths and methods that no route serves, and failures that escaped the routes, answer JSON too. */
    @Override
    public void install(Router router, Vertx vertx) {
        router.errorHandler(404, rc -> send(rc.response(), 404, "not found",
                "no endpoint at " + rc.request().path() + "; the API is described at /openapi.json", false));
        router.errorHandler(405, rc -> send(rc.response(), 405, "method not allowed",
                rc.request().method() + " is not served at " + rc.request().path() + "; the API is described at /openapi.json",
                false));
        router.errorHandler(500, rc -> send(rc.response(), 500, "internal error", "the request failed inside the service", true));
    }
}
