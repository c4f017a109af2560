package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** GET /probe?savepath=... and POST /probe: what a video holds, as JSON, before pulling any audio. */
public class ProbeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // GET and POST /probe (see RestApi)
        from("direct:http-probe")
                .routeId("http-probe")
                .routeConfigurationId(HttpErrorConfiguration.ID)
                .setProperty(ExchangeKeys.ENDPOINT, constant("probe"))
                .to("direct:read-http-request")
                .bean("requestParser", "parseSavepath")
                .setProperty("savepath", body())
                .to("direct:resolve-source")
                .bean("probeSlots", "acquireFor") // its own small bound: waits briefly for a free one, or 503
                .to("direct:open-source")
                .bean("mediaProber", "probe(${body}, ${exchangeProperty.savepath})")
                .removeHeaders("*")
                .bean("audioMetrics", "answered('probe', null, 200)")
                .marshal().json()
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));
    }
}
