package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
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
                .setProperty("audioSavepath", body())
                .to("direct:locate-video")
                .bean("probeSlots", "holdFor(null, ${exchange})") // its own small bound: waits briefly for a free one, or 503
                .to("direct:open-video")
                .bean("mediaProber", "probe(${body}, ${exchangeProperty.audioSavepath})")
                .to("direct:answer-json");
    }
}
