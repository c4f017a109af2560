package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * POST /extract-audio (JSON body) and GET /extract-audio?savepath=... : read the request,
 * validate it, resolve the video, run ffmpeg, stream the audio back.
 */
public class ExtractAudioRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // useBodyHandler=false: the body is read by httpRequestReader, with our size limit and any Content-Type
        from("platform-http:/extract-audio?httpMethodRestrict=GET,POST&useBodyHandler=false")
                .routeId("http-extract-audio")
                .routeConfigurationId(HttpErrorConfiguration.ID)
                .bean("httpRequestReader", "begin")
                .choice()
                    .when(header(Exchange.HTTP_METHOD).isEqualTo("GET"))
                        .bean("httpRequestReader", "fromQuery")
                    .otherwise()
                        .bean("httpRequestReader", "fromBody")
                        .unmarshal().json(JsonNode.class)
                .end()
                .to("direct:prepare-extraction")
                .to("exec:ffmpeg?commandExecutor=#streamingExecutor&commandLogLevel=OFF")
                .bean("audioStreamer", "stream");

        // validate -> resolve -> build the ffmpeg command; shared by every way in
        from("direct:prepare-extraction")
                .routeId("prepare-extraction")
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .bean("requestParser", "parse(${body}, ${exchangeProperty." + ExchangeKeys.REQUEST_ID + "})")
                .setProperty(ExchangeKeys.REQUEST, body())
                .bean("sourceResolver", "resolve")
                .setProperty(ExchangeKeys.SOURCE, body())
                .bean("ffmpegCommand", "prepare");
    }
}
