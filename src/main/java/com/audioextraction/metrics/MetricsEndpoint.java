package com.audioextraction.metrics;

import com.audioextraction.ApiException;
import com.audioextraction.http.JsonErrors;
import com.audioextraction.http.RouterSetup;
import com.audioextraction.limits.ApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;

/**
 * {@code /observe/metrics}: the Prometheus text of Camel's Micrometer registry (the service's own
 * meters and Camel's), behind the API keys when {@code audio.protect-metrics} says so. Rendered on
 * the event loop: a scrape takes a few milliseconds.
 */
public class MetricsEndpoint implements RouterSetup {

    private static final String PATH = "/observe/metrics";

    private final CamelContext context;
    private final ApiKeys keys;
    private final boolean protect;

    public MetricsEndpoint(CamelContext context, ApiKeys keys, boolean protect) {
        this.context = context;
        this.keys = keys;
        this.protect = protect && keys.enabled();
    }

    @Override
    public void install(Router router, Vertx vertx) {
        router.get(PATH).order(-70).handler(this::answer);
    }

    private void answer(RoutingContext rc) {
        if (protect) {
            try {
                keys.check(rc.request().getHeader("Authorization"), rc.request().getHeader("X-API-Key"));
            } catch (ApiException e) {
                rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"audio-extraction\"");
                JsonErrors.send(rc.response(), 401, e.error(), e.detail(), false);
                return;
            }
        }
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
            JsonErrors.send(rc.response(), 503, "metrics unavailable", "no Prometheus registry (camel.metrics.enabled=false?)", false);
            return;
        }
        rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(prometheus.scrape());
    }
}
