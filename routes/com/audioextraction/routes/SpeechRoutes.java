package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.exec.ExecBinding;

/**
 * Speech-aware extraction: where the speech is (/speech), the video cut into chunks at its pauses
 * (/chunks), and the step that narrows any prepared extraction to its speech (speech_only, and
 * split jobs). The analysis is a first ffmpeg pass over the same stream and span, under the same slot.
 */
public class SpeechRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // a prepared extraction -> its speech (property audioSpeech), the plan narrowed to it
        from("direct:find-speech")
                .routeId("find-speech")
                .errorHandler(noErrorHandler())
                .setHeader(ExecBinding.EXEC_COMMAND_ARGS, method("ffmpegCommand", "toAnalyse(${exchangeProperty.audioSource}, "
                        + "${exchangeProperty.audioPlan})"))
                .to("direct:start-ffmpeg")
                .bean("speechFinder", "find(${body.process()}, ${exchangeProperty.audioPlan}, ${exchangeProperty.audioSource})")
                .setProperty(ExchangeKeys.SPEECH, body())
                .setProperty(ExchangeKeys.PLAN, method("speechFinder", "narrow(${exchangeProperty.audioPlan}, ${body})"));

        // GET and POST /speech (see RestApi)
        from("direct:http-speech")
                .routeId("http-speech")
                .routeConfigurationId(HttpErrorConfiguration.ID)
                .setProperty(ExchangeKeys.ENDPOINT, constant("speech"))
                .to("direct:read-http-request")
                .to("direct:prepare-extraction")
                .to("direct:find-speech")
                .setBody(exchangeProperty(ExchangeKeys.SPEECH))
                .to("direct:answer-json");

        // GET and POST /chunks (see RestApi)
        from("direct:http-chunks")
                .routeId("http-chunks")
                .routeConfigurationId(HttpErrorConfiguration.ID)
                .setProperty(ExchangeKeys.ENDPOINT, constant("chunks"))
                .to("direct:read-http-request")
                .setProperty(ExchangeKeys.CHUNK_SETTINGS, method("requestParser", "chunkSettings"))
                .to("direct:prepare-extraction")
                .to("direct:find-speech")
                .bean("chunkPlanner", "plan(${exchangeProperty.audioSpeech}, ${exchangeProperty.audioRequest}, "
                        + "${exchangeProperty.audioChunkSettings})")
                .to("direct:answer-json");

        // body -> a 200 with it as JSON, counted
        from("direct:answer-json")
                .routeId("answer-json")
                .errorHandler(noErrorHandler())
                .bean("audioMetrics", "answered(${exchangeProperty.audioEndpoint}, null, 200)")
                .removeHeaders("*")
                .marshal().json()
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));
    }
}
