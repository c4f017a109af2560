package com.audioextraction.limits;

import com.audioextraction.ApiException;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Puts /observe/metrics behind the API keys ({@code audio.protect-metrics=true}). Health stays open
 * for load balancers and orchestrators. The check runs on the HTTP server's router, ahead of the
 * metrics handler Camel installs there.
 */
public final class MetricsGuard {

    private static final String PATH = "/observe/metrics";

    private MetricsGuard() {
    }

    public static void install(CamelContext context, ApiKeys keys) {
        for (Router router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            router.route(PATH).order(-1).handler(rc -> {
                try {
                    keys.check(rc.request().getHeader("Authorization"), rc.request().getHeader("X-API-Key"));
                    rc.next();
                } catch (ApiException e) {
                    rc.response().setStatusCode(401)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("WWW-Authenticate", "Bearer realm=\"audio-extraction\"")
                            .end("{\"error\":\"unauthorized\",\"detail\":\"" + e.detail().replace("\"", "'") + "\"}");
                }
            });
        }
    }
}
