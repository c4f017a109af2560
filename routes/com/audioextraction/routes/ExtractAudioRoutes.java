package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.exec.ExecBinding;

/**
 * POST /extract-audio (JSON body) and GET /extract-audio?savepath=... : read the request,
 * validate it, locate the video, take a slot, open the video, probe it, plan the extraction, run
 * ffmpeg, stream the audio back.
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
                .filter(simple("${exchangeProperty.audioRequest.options().speechOnly()}"))
                    .to("direct:find-speech") // speech_only: first where the speech is (see SpeechRoutes)
                .end()
                .setHeader(ExecBinding.EXEC_COMMAND_ARGS, method("ffmpegCommand", "toStream(${exchangeProperty.audioSource}, "
                        + "${exchangeProperty.audioPlan})"))
                .to("direct:start-ffmpeg")
                .bean("audioStreamer", "stream(${body.process()}, ${exchangeProperty.audioPlan}, ${exchangeProperty.audioSource}, "
                        + "${exchangeProperty.audioHttpResponse})");

        // request JSON -> validated request -> located video -> slot -> open video -> probe -> plan; shared by every way in
        from("direct:prepare-extraction")
                .routeId("prepare-extraction")
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .bean("requestParser", "parse(${body}, ${exchangeProperty.audioRequestId})")
                .setProperty(ExchangeKeys.REQUEST, body())
                .setBody(simple("${body.savepath()}"))
                .to("direct:locate-video") // a local file or an S3 object (see SourceRoutes)
                .bean("extractionSlots", "holdFor(${exchangeProperty.audioPriority}, ${exchange})") // waits for a free slot, or 503
                .to("direct:open-video")
                .setProperty(ExchangeKeys.SOURCE, body())
                .bean("mediaProber", "probe(${body}, ${exchangeProperty.audioRequest.savepath()})")
                .bean("extractionPlanner", "plan(${exchangeProperty.audioRequest}, ${body})")
                .setProperty(ExchangeKeys.PLAN, body());

        // ffmpeg with the arguments in the CamelExecCommandArgs header -> its live result (stdout readable at once)
        from("direct:start-ffmpeg")
                .routeId("start-ffmpeg")
                .errorHandler(noErrorHandler())
                .setHeader(ExecBinding.EXEC_COMMAND_EXECUTABLE, method("ffmpegCommand", "executable"))
                .setBody(constant(null)) // a body would become ffmpeg's stdin
                .to("exec:ffmpeg?commandExecutor=#streamingExecutor&commandLogLevel=OFF");
    }
}
