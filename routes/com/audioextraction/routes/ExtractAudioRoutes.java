package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import org.apache.camel.builder.RouteBuilder;

/**
 * POST /extract-audio (JSON body) and GET /extract-audio?savepath=... : read the request,
 * validate it, resolve the video, probe it, plan the extraction, run ffmpeg, stream the audio back.
 */
public class ExtractAudioRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // POST and GET /extract-audio (see RestApi)
        from("direct:http-extract-audio")
                .routeId("http-extract-audio")
                .routeConfigurationId(HttpErrorConfiguration.ID)
                .setProperty(ExchangeKeys.ENDPOINT, constant("extract"))
                .to("direct:read-http-request")
                .to("direct:prepare-extraction")
                .bean("ffmpegCommand", "toStream")
                .to("exec:ffmpeg?commandExecutor=#streamingExecutor&commandLogLevel=OFF")
                .bean("audioStreamer", "stream");

        // validate -> locate -> wait for a slot -> open -> probe -> plan; shared by every way in
        from("direct:prepare-extraction")
                .routeId("prepare-extraction")
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .bean("requestParser", "parse(${body}, ${exchangeProperty." + ExchangeKeys.REQUEST_ID + "})")
                .setProperty(ExchangeKeys.REQUEST, body())
                .setBody(simple("${body.savepath()}"))
                .to("direct:resolve-source") // a local file or an S3 object (see SourceRoutes)
                .bean("extractionSlots", "acquireFor") // waits for a free slot, or 503
                .to("direct:open-source")
                .setProperty(ExchangeKeys.SOURCE, body())
                .bean("mediaProber", "probe(${body}, ${exchangeProperty." + ExchangeKeys.REQUEST + ".savepath()})")
                .bean("extractionPlanner", "plan(${exchangeProperty." + ExchangeKeys.REQUEST + "}, ${body})")
                .setProperty(ExchangeKeys.PLAN, body());
    }
}
