package com.audioextraction.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Turns new API calls away with 503 and Retry-After while the service stops (its routes are being
 * removed: a request that reached one just gone would get a 404, which a worker reads as "no such
 * video"). Health and metrics stay served; calls already running finish within the shutdown grace.
 */
public class ServiceGate implements RouterSetup {

    private static final String OBSERVE = "/observe/";
    private volatile boolean stopping;

    /** The service has begun to stop. */
    public void stopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    @Override
    public void install(Router router, Vertx vertx) {
        router.route().order(-80).handler(rc -> {
            if (stopping && !rc.request().path().startsWith(OBSERVE)) {
                rc.response().putHeader("Retry-After", "5");
                JsonErrors.send(rc.response(), 503, "service stopping", "this instance is shutting down; retry (another instance)",
                        true);
            } else {
                rc.next();
            }
        });
    }
}
