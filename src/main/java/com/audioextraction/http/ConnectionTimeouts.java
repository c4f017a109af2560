package com.audioextraction.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.Router;

/**
 * Closes a connection that does not bring a complete request head within the idle timeout: after
 * it connected, and after each answer on a kept-alive connection. A client that trickles its headers
 * (Slowloris) or parks idle connections holds them no longer than that. While a request is being
 * answered the timer is off: slow answers and slow readers have their own limits.
 */
public class ConnectionTimeouts implements RouterSetup {

    private final Duration idle;
    private final Map<HttpConnection, Long> timers = new ConcurrentHashMap<>();
    private Vertx vertx;

    public ConnectionTimeouts(Duration idle) {
        this.idle = idle;
    }

    @Override
    public void install(Router router, Vertx vertx) {
        this.vertx = vertx;
        router.route().order(-100).handler(rc -> {
            HttpConnection connection = rc.request().connection();
            disarm(connection);
            rc.addEndHandler(done -> arm(connection));
            rc.next();
        });
    }

    /** For the server's connection handler: a new connection has the idle timeout to send its first request. */
    public void connected(HttpConnection connection) {
        connection.closeHandler(v -> disarm(connection));
        arm(connection);
    }

    private void arm(HttpConnection connection) {
        long timer = vertx.setTimer(idle.toMillis(), id -> {
            if (timers.remove(connection, id)) {
                connection.close();
            }
        });
        Long previous = timers.put(connection, timer);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void disarm(HttpConnection connection) {
        Long timer = timers.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
