package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.Held;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.exec.ExecBinding;

/**
 * POST /extract-audio (JSON body) and GET /extract-audio?savepath=... : read the request,
 * validate it, locate the video, take a slot, open the video, start ffmpeg on the likely plan (its
 * description of the video stands in for the probe), plan the extraction, keep that ffmpeg when the
 * plan is what it runs (else start the planned one), stream the audio back.
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
                .to("direct:open-extraction")
                .to("direct:head-start")
                .choice()
                    .when(exchangeProperty(ExchangeKeys.HEAD_START).isNotNull()) // its description of the video is the probe
                        .bean("headStart", "describe(${exchangeProperty." + ExchangeKeys.HEAD_START + "}, "
                                + "${exchangeProperty.audioSource}, ${exchangeProperty.audioRequest.savepath()})")
                        .to("direct:plan")
                    .otherwise()
                        .to("direct:plan-extraction")
                .end()
                .filter(simple("${exchangeProperty.audioRequest.options().speechOnly()}"))
                    .to("direct:find-speech") // speech_only: first where the speech is (see SpeechRoutes)
                .end()
                .setHeader(ExecBinding.EXEC_COMMAND_ARGS, method("ffmpegCommand", "toStream(${exchangeProperty.audioSource}, "
                        + "${exchangeProperty.audioPlan})"))
                .setBody(method("headStart", "take(${exchangeProperty." + ExchangeKeys.HEAD_START + "}, "
                        + "${header.CamelExecCommandArgs}, ${exchangeProperty." + ExchangeKeys.REQUEST_ID + "})"))
                .filter(body().isNull()) // not started early, or on another plan
                    .to("direct:start-ffmpeg")
                .end()
                .bean("audioStreamer", "stream(${body.process()}, ${exchangeProperty.audioPlan}, ${exchangeProperty.audioSource}, "
                        + "${exchangeProperty.audioHttpResponse})");

        // request JSON -> validated request -> located video -> slot -> open video -> probe -> plan; shared by every way in
        from("direct:prepare-extraction")
                .routeId("prepare-extraction")
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .to("direct:open-extraction")
                .to("direct:plan-extraction");

        from("direct:open-extraction")
                .routeId("open-extraction")
                .errorHandler(noErrorHandler())
                .bean("requestParser", "parse(${body}, ${exchangeProperty.audioRequestId})")
                .setProperty(ExchangeKeys.REQUEST, body())
                .setBody(simple("${body.savepath()}"))
                .to("direct:locate-video") // a local file or an S3 object (see SourceRoutes)
                .bean("extractionSlots", "holdFor(${exchangeProperty.audioPriority}, ${exchange})") // waits for a free slot, or 503
                .to("direct:open-video")
                .setProperty(ExchangeKeys.SOURCE, body());

        from("direct:plan-extraction")
                .routeId("plan-extraction")
                .errorHandler(noErrorHandler())
                .bean("mediaProber", "probe(${exchangeProperty.audioSource}, ${exchangeProperty.audioRequest.savepath()})")
                .to("direct:plan");

        // what the video holds -> the plan
        from("direct:plan")
                .routeId("plan")
                .errorHandler(noErrorHandler())
                .bean("extractionPlanner", "plan(${exchangeProperty.audioRequest}, ${body})")
                .setProperty(ExchangeKeys.PLAN, body());

        // ffmpeg on the plan the request will most likely get, started before anything is known of the
        // video: one process start and one opening of the video instead of two (see HeadStart);
        // nothing when only a probe can plan the request
        from("direct:head-start")
                .routeId("head-start")
                .errorHandler(noErrorHandler())
                .setProperty(ExchangeKeys.HEAD_START, method("headStart", "arguments(${exchangeProperty.audioSource}, "
                        + "${exchangeProperty.audioRequest})"))
                .filter(exchangeProperty(ExchangeKeys.HEAD_START).isNotNull())
                    .setHeader(ExecBinding.EXEC_COMMAND_ARGS, exchangeProperty(ExchangeKeys.HEAD_START))
                    .to("direct:start-ffmpeg")
                    .bean("headStart", "started(${exchangeProperty." + ExchangeKeys.HEAD_START + "}, ${body})")
                    .bean(Held.class, "hold(${body}, ${exchange})") // killed with the exchange unless taken
                    .setProperty(ExchangeKeys.HEAD_START, body())
                .end()
                .removeHeader(ExecBinding.EXEC_COMMAND_ARGS);

        // ffmpeg with the arguments in the CamelExecCommandArgs header -> its live result (stdout readable at once)
        from("direct:start-ffmpeg")
                .routeId("start-ffmpeg")
                .errorHandler(noErrorHandler())
                .setHeader(ExecBinding.EXEC_COMMAND_EXECUTABLE, method("ffmpegCommand", "executable"))
                .setBody(constant(null)) // a body would become ffmpeg's stdin
                .to("exec:ffmpeg?commandExecutor=#streamingExecutor&commandLogLevel=OFF");
    }
}
