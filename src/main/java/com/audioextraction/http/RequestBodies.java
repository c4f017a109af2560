package com.audioextraction.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads request bodies on the event loop, before a route (which runs on a worker thread) sees the
 * request: a client that announces a body and sends it slowly, or never, holds no thread. Whatever
 * the Content-Type (so {@code curl -d} works as with the original service). Beyond the size limit:
 * 413; not complete within the timeout: 408; either way the connection is closed.
 */
public class RequestBodies implements RouterSetup {

    /** How long, and how much, a refused body is drained before the connection is closed. */
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final long LINGER_BYTES = 1 << 20;

    private final int maxBytes;
    private final Duration timeout;
    private final Map<HttpServerRequest, Buffer> bodies = new ConcurrentHashMap<>();

    public RequestBodies(int maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** The body read for {@code request}, or null when it had none. */
    public Buffer take(HttpServerRequest request) {
        return bodies.remove(request);
    }

    @Override
    public void install(Router router, Vertx vertx) {
        router.route().order(-90).handler(rc -> read(rc, vertx));
    }

    private void read(RoutingContext rc, Vertx vertx) {
        HttpServerRequest request = rc.request();
        if (request.method() != HttpMethod.POST && request.method() != HttpMethod.PUT && request.method() != HttpMethod.PATCH) {
            rc.next();
            return;
        }
        String declared = request.getHeader("Content-Length");
        if (declared != null && parsesAbove(declared, maxBytes)) {
            tooLarge(rc, vertx);
            return;
        }
        Buffer collected = Buffer.buffer();
        if (request.isEnded()) {
            pass(rc, request, collected);
            return;
        }
        long timer = vertx.setTimer(timeout.toMillis(), id -> JsonErrors.send(rc.response(), 408, "request body incomplete",
                "the body did not arrive within " + timeout.toSeconds() + " s", true));
        request.handler(chunk -> {
            if (rc.response().ended()) {
                return;
            }
            if (collected.length() + chunk.length() > maxBytes) {
                vertx.cancelTimer(timer);
                tooLarge(rc, vertx);
            } else {
                collected.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> vertx.cancelTimer(timer));
        request.endHandler(v -> {
            if (vertx.cancelTimer(timer) && !rc.response().ended()) {
                pass(rc, request, collected);
            }
        });
        request.resume();
    }

    private void pass(RoutingContext rc, HttpServerRequest request, Buffer body) {
        bodies.put(request, body);
        rc.addEndHandler(done -> bodies.remove(request));
        rc.next();
    }

    /**
     * Answers 413, then reads and drops what the client is still sending for a moment before
     * closing: closing a socket with unread bytes makes the kernel send a reset, and a client still
     * writing its body would then lose the answer (a "lingering close", as in Apache httpd).
     */
    private void tooLarge(RoutingContext rc, Vertx vertx) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        response.putHeader("Connection", "close");
        Future<Void> answered = JsonErrors.send(response, 413, "request body too large",
                "the request body may be at most " + maxBytes + " bytes", false);
        if (request.isEnded()) {
            answered.onComplete(done -> response.close());
            return;
        }
        long[] dropped = {0};
        long linger = vertx.setTimer(LINGER.toMillis(), id -> response.close());
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > LINGER_BYTES) {
                vertx.cancelTimer(linger);
                response.close();
            }
        });
        request.exceptionHandler(failure -> vertx.cancelTimer(linger));
        request.endHandler(v -> {
            vertx.cancelTimer(linger);
            answered.onComplete(done -> response.close());
        });
        request.resume();
    }

    /** Whether a Content-Length is above {@code limit} (a malformed one never reaches here: Netty refuses it). */
    private static boolean parsesAbove(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
