// What `camel run` (Camel JBang) adds to the classpath; the Maven build takes the same from pom.xml.
//DEPS org.apache.camel:camel-platform-http-main:4.17.0
//DEPS org.apache.camel:camel-exec:4.17.0
//DEPS org.apache.camel:camel-jackson:4.17.0
//DEPS org.apache.camel:camel-health:4.17.0
//DEPS org.apache.camel:camel-rest:4.17.0
//DEPS org.apache.camel:camel-openapi-java:4.17.0
//DEPS org.apache.camel:camel-micrometer-prometheus:4.17.0
//DEPS org.apache.camel:camel-jms:4.17.0
//DEPS org.apache.camel:camel-minio:4.17.0
//DEPS org.apache.activemq:artemis-server:2.40.0
//DEPS org.apache.activemq:artemis-amqp-protocol:2.40.0
//DEPS org.apache.activemq:artemis-jakarta-client:2.40.0
//DEPS ws.schild:jave-core:3.5.0
//DEPS ws.schild:jave-nativebin-linux64:3.5.0
package com.audioextraction.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;

/**
 * The HTTP API as Camel REST DSL: the endpoints, their parameters and answers, published as an
 * OpenAPI document at /openapi.json. Each endpoint hands over to its route.
 */
public class RestApi extends RouteBuilder {

    private static final String AUDIO_TYPES = "audio/mpeg,audio/wav,audio/flac,audio/L16,audio/ogg,audio/aac";
    private static final String BODY = "{\"savepath\": \"youtube/abc123.mp4\", \"audio_format\": \"pcm\", \"language\": \"en\", "
            + "\"start\": 1800, \"duration\": 600}";

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                .inlineRoutes(false) // GET and POST share one route
                // the body is read by httpRequestReader: our size limit, any Content-Type
                .endpointProperty("useBodyHandler", "false")
                .apiContextPath("/openapi.json")
                // the document names its server relative to where it is read from (or as a proxy forwards it),
                // not the bind address (0.0.0.0, no port) that no client can use
                .useXForwardHeaders(true)
                .apiProperty("api.title", "audio-extraction")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Streams the audio of videos in the bucket to speech-to-text workers. "
                        + "Errors are JSON {\"error\": ..., \"detail\": ...}. With API keys configured, /extract-audio, "
                        + "/probe and /jobs need 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; /openapi.json and "
                        + "/observe/health stay open, /observe/metrics too unless audio.protect-metrics.");

        rest("/extract-audio")
                .post().id("post-extract-audio")
                    .description("Extract the audio of a video, streamed while ffmpeg runs")
                    .consumes("application/json").produces(AUDIO_TYPES)
                    .param().name("body").type(RestParamType.body).required(true)
                        .description("savepath (required), audio_format (mp3, wav, flac, pcm, opus, aac), sample_rate, "
                                + "channels, bitrate, start, duration, track or language")
                        .example(BODY).endParam()
                    .responseMessage().code(200).message("The audio, chunked; X-Source-Duration, X-Output-Duration, "
                            + "X-Sample-Rate, X-Channels, X-Audio-Stream headers").endResponseMessage()
                    .responseMessage().code(400).message("Malformed request, bad option, or a savepath outside the bucket").endResponseMessage()
                    .responseMessage().code(401).message("API key missing or wrong").endResponseMessage()
                    .responseMessage().code(404).message("No such video").endResponseMessage()
                    .responseMessage().code(408).message("The body did not arrive within 5 s (audio.http.body-timeout)").endResponseMessage()
                    .responseMessage().code(413).message("Body over 64 KiB").endResponseMessage()
                    .responseMessage().code(422).message("Not media (a playlist or list referring to other files is refused), "
                            + "no (matching) audio stream, not AAC for aac, start past the end").endResponseMessage()
                    .responseMessage().code(500).message("ffmpeg failed").endResponseMessage()
                    .responseMessage().code(502).message("The S3 store failed: unreachable, credentials refused, bucket missing").endResponseMessage()
                    .responseMessage().code(503).message("Saturated or stopping: retry after Retry-After seconds").endResponseMessage()
                    .responseMessage().code(504).message("The probe of the video did not finish in time").endResponseMessage()
                    .to("direct:http-extract-audio")
                .get().id("get-extract-audio")
                    .description("The same extraction as a URL, for tools that read audio from one")
                    .produces(AUDIO_TYPES)
                    .param().name("savepath").type(RestParamType.query).required(true).description("path of the video inside the bucket").endParam()
                    .param().name("audio_format").type(RestParamType.query).required(false)
                        .allowableValues("mp3", "wav", "flac", "pcm", "opus", "aac").description("output format").endParam()
                    .param().name("sample_rate").type(RestParamType.query).required(false).dataType("integer").description("8000-192000").endParam()
                    .param().name("channels").type(RestParamType.query).required(false).dataType("integer").description("1 or 2").endParam()
                    .param().name("bitrate").type(RestParamType.query).required(false).description("mp3 32k-320k, opus 6k-256k").endParam()
                    .param().name("start").type(RestParamType.query).required(false).dataType("number").description("seconds").endParam()
                    .param().name("duration").type(RestParamType.query).required(false).dataType("number").description("seconds").endParam()
                    .param().name("track").type(RestParamType.query).required(false).dataType("integer").description("audio stream index, from 0").endParam()
                    .param().name("language").type(RestParamType.query).required(false).description("ISO 639-1 or 639-2 tag").endParam()
                    .responseMessage().code(200).message("The audio, chunked").endResponseMessage()
                    .responseMessage().code(400).message("See POST").endResponseMessage()
                    .to("direct:http-extract-audio");

        rest("/jobs")
                .post().id("post-jobs")
                    .description("Queue batch jobs: one job object or an array; each is validated like an extraction request")
                    .consumes("application/json").produces("application/json")
                    .param().name("body").type(RestParamType.body).required(true)
                        .description("{id (optional), savepath, audio_format, options..., output_key (optional)} or an array of them")
                        .example("[{\"id\": \"ep-1\", \"savepath\": \"youtube/abc123.mp4\", \"audio_format\": \"flac\"}]").endParam()
                    .responseMessage().code(202).message("{\"ids\": [...]}: queued; results go to the results queue").endResponseMessage()
                    .responseMessage().code(400).message("An invalid job (none is queued)").endResponseMessage()
                    .responseMessage().code(404).message("A job's video does not exist (none is queued)").endResponseMessage()
                    .responseMessage().code(502).message("The S3 store failed while checking a job's video (none is queued)").endResponseMessage()
                    .to("direct:http-submit-jobs");

        rest("/probe")
                .get().id("get-probe")
                    .description("What a video holds: container, duration, size, audio streams")
                    .produces("application/json")
                    .param().name("savepath").type(RestParamType.query).required(true).description("path of the video inside the bucket").endParam()
                    .responseMessage().code(200).message("{savepath, container, duration, size, has_video, audio_streams: "
                            + "[{index, stream_index, codec, channels, sample_rate, bit_rate, language, default}]}").endResponseMessage()
                    .responseMessage().code(404).message("No such video").endResponseMessage()
                    .responseMessage().code(422).message("Not a media file").endResponseMessage()
                    .responseMessage().code(502).message("The S3 store failed").endResponseMessage()
                    .responseMessage().code(503).message("Too many probes at once: retry after Retry-After seconds").endResponseMessage()
                    .responseMessage().code(504).message("The probe did not finish within audio.probe-timeout").endResponseMessage()
                    .to("direct:http-probe")
                .post().id("post-probe")
                    .description("The probe with a JSON body {\"savepath\": ...}")
                    .consumes("application/json").produces("application/json")
                    .param().name("body").type(RestParamType.body).required(true).example("{\"savepath\": \"youtube/abc123.mp4\"}").endParam()
                    .to("direct:http-probe");
    }
}
