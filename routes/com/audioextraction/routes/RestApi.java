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
//DEPS org.apache.camel:camel-endpointdsl:4.17.0
//DEPS org.apache.activemq:artemis-server:2.40.0
//DEPS org.apache.activemq:artemis-amqp-protocol:2.40.0
//DEPS org.apache.activemq:artemis-jakarta-client:2.40.0
//DEPS ws.schild:jave-core:3.5.0
//DEPS ws.schild:jave-nativebin-linux64:3.5.0
package com.audioextraction.routes;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/**
 * The HTTP API as Camel REST DSL: the endpoints, their fields, answers and headers, published as
 * an OpenAPI document at /openapi.json and rendered to docs/api.md: the one place the API is
 * described. Each endpoint hands over to its route.
 */
public class RestApi extends RouteBuilder {

    private static final String AUDIO_TYPES = "audio/mpeg,audio/wav,audio/flac,audio/L16,audio/ogg,audio/aac";

    /** A request field: a query parameter of a GET, a member of a POST's JSON body. */
    private record Field(String name, String type, boolean required, String description) {
    }

    private static final List<Field> EXTRACTION_FIELDS = List.of(
            new Field("savepath", "string", true, "path of the video inside the bucket, e.g. youtube/abc123.mp4"),
            new Field("audio_format", "string", false, "mp3 (default, 320k), wav, flac (16-bit), pcm (s16le 16 kHz mono: "
                    + "Whisper's input), opus (Ogg, 32k 16 kHz mono) or aac (the source AAC track copied, not re-encoded)"),
            new Field("sample_rate", "integer", false, "output rate in Hz, 8000-192000 (mp3 and opus take only their encoder's rates)"),
            new Field("channels", "integer", false, "1 or 2"),
            new Field("bitrate", "string", false, "lossy formats only, bit/s (128000 or \"128k\"): mp3 32k-320k, opus 6k-256k"),
            new Field("start", "number", false, "seconds into the video where the audio begins (to the microsecond); "
                    + "re-encoded formats are cut to the sample, aac to the AAC frame (~21 ms)"),
            new Field("duration", "number", false, "seconds of audio at most, from 0.001"),
            new Field("track", "integer", false, "audio stream by index among the audio streams, from 0 (see /probe)"),
            new Field("language", "string", false, "audio stream by ISO 639-1 or 639-2 tag (en, eng, ger/deu, ...); without "
                    + "track or language the stream flagged default is taken, else the first; no match is a 422, never another stream"),
            new Field("speech_only", "boolean", false, "true: only the speech, its pauses cut out (each stretch padded, see "
                    + "/speech); the map from output to source time is in X-Speech-Segments (docs/speech.md)"));

    /** How speech is told from silence: for speech_only, /speech and /chunks. */
    private static final List<Field> SPEECH_FIELDS = List.of(
            new Field("min_silence", "number", false, "seconds a pause must last to count as silence (0.1-10; default "
                    + "audio.speech.min-silence, 0.5)"),
            new Field("threshold", "number", false, "dB below the track's own speech level a 10 ms frame must be to count as "
                    + "silent (-80 to -6; default audio.speech.threshold, -35)"),
            new Field("padding", "number", false, "seconds kept before and after each stretch of speech (0-2; default "
                    + "audio.speech.padding, 0.2)"));

    /** How /chunks cuts. */
    private static final List<Field> CHUNK_FIELDS = List.of(
            new Field("target_seconds", "number", false, "the length a chunk should have: it ends at the pause nearest to it "
                    + "(30-600; default audio.chunks.target-seconds, 300)"),
            new Field("max_seconds", "number", false, "no chunk is longer (default audio.chunks.max-seconds scaled to the "
                    + "target: 1.5 times it)"));

    private static final String DESCRIPTION = "Streams the audio of videos in the bucket to speech-to-text workers. "
            + "The 200 goes out with the first audio bytes; anything that fails before is a JSON error {\"error\": ..., "
            + "\"detail\": ...} (every error of every path is), and a failure after audio started resets the connection, "
            + "so a client never mistakes a cut stream for a short complete file. A streamed WAV has 0xFFFFFFFF sizes and a "
            + "streamed FLAC no sample count (the length is in X-Output-Duration); batch jobs store complete files. With API "
            + "keys configured, /extract-audio, /probe and /jobs need 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; "
            + "/openapi.json and /observe/health stay open, /observe/metrics too unless audio.protect-metrics.";

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                .inlineRoutes(false) // GET and POST share one route
                // the body is read by httpRequestReader: our size limit, any Content-Type
                .endpointProperty("useBodyHandler", "false")
                .apiContextPath("/openapi.json")
                .apiContextRouteId("openapi")
                // the document names its server relative to where it is read from (or as a proxy forwards it),
                // not the bind address (0.0.0.0, no port) that no client can use
                .useXForwardHeaders(true)
                .apiProperty("api.title", "audio-extraction")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", DESCRIPTION);

        RestDefinition extract = rest("/extract-audio")
                .post().id("post-extract-audio")
                    .description("Extract the audio of a video, streamed while ffmpeg runs")
                    .consumes("application/json").produces(AUDIO_TYPES)
                    .param().name("body").type(RestParamType.body).required(true)
                        .description("JSON, at most 64 KiB, any Content-Type (curl -d works): " + bodyFields(extraction()))
                        .example("{\"savepath\": \"youtube/abc123.mp4\", \"audio_format\": \"pcm\", \"language\": \"en\", "
                                + "\"start\": 1800, \"duration\": 600}").endParam();
        audioResponses(extract);
        extract.to("direct:http-extract-audio");
        extract.get().id("get-extract-audio")
                .description("The same extraction as a URL, for tools that read audio from one (ffmpeg, Whisper's loader, a browser)")
                .produces(AUDIO_TYPES);
        queryParams(extract, extraction());
        audioResponses(extract);
        extract.to("direct:http-extract-audio");

        List<Field> speechFields = concat(EXTRACTION_FIELDS.subList(0, 1), EXTRACTION_FIELDS.subList(5, 9), SPEECH_FIELDS);
        RestDefinition speech = rest("/speech")
                .get().id("get-speech")
                    .description("Where the speech is: the stretches of speech of an audio stream (or a span of it) in source "
                            + "time, and the padded segments speech_only extracts with the same fields (deterministic)")
                    .produces("application/json");
        queryParams(speech, speechFields);
        analysisResponses(speech, "{savepath, audio_stream, start, duration, detector: {name, settings, speech_level_dbfs, "
                + "threshold_dbfs}, speech: [{start, end}], segments: [{start, end}], speech_seconds, segments_seconds}");
        speech.to("direct:http-speech");
        speech.post().id("post-speech").description("/speech with a JSON body").consumes("application/json").produces("application/json")
                .param().name("body").type(RestParamType.body).required(true).description(bodyFields(speechFields))
                    .example("{\"savepath\": \"youtube/abc123.mp4\", \"language\": \"en\", \"min_silence\": 0.5}").endParam();
        analysisResponses(speech, "As GET");
        speech.to("direct:http-speech");

        List<Field> chunkFields = concat(EXTRACTION_FIELDS.subList(0, 9), SPEECH_FIELDS, CHUNK_FIELDS);
        RestDefinition chunks = rest("/chunks")
                .get().id("get-chunks")
                    .description("The video cut into chunks at its pauses, for several workers to transcribe in parallel: in "
                            + "order and without gaps, each with a GET /extract-audio URL of exactly that chunk")
                    .produces("application/json");
        queryParams(chunks, chunkFields);
        analysisResponses(chunks, "{savepath, audio_format, settings, start, duration, chunks: [{index, start, duration, url}]}");
        chunks.to("direct:http-chunks");
        chunks.post().id("post-chunks").description("/chunks with a JSON body").consumes("application/json").produces("application/json")
                .param().name("body").type(RestParamType.body).required(true).description(bodyFields(chunkFields))
                    .example("{\"savepath\": \"youtube/abc123.mp4\", \"audio_format\": \"pcm\", \"target_seconds\": 300}").endParam();
        analysisResponses(chunks, "As GET");
        chunks.to("direct:http-chunks");

        rest("/jobs")
                .post().id("post-jobs")
                    .description("Queue batch jobs: one job object or an array of up to 10,000; each is checked as the queue's "
                            + "consumer will check it, and none is queued unless all pass")
                    .consumes("application/json").produces("application/json")
                    .param().name("body").type(RestParamType.body).required(true)
                        .description("A job: the fields of POST /extract-audio, plus id (optional, at most 200 characters) and "
                                + "output_key (optional: where the audio is stored, relative to the output directory or bucket)")
                        .example("[{\"id\": \"ep-1\", \"savepath\": \"youtube/abc123.mp4\", \"audio_format\": \"flac\"}]").endParam()
                    .responseMessage().code(202).message("{\"ids\": [...]}: queued; result events go to the results queue").endResponseMessage()
                    .responseMessage().code(400).message("A job is invalid (\"job N: ...\" names it); none is queued").endResponseMessage()
                    .responseMessage().code(401).message("API key missing or wrong").endResponseMessage()
                    .responseMessage().code(404).message("A job's video does not exist; none is queued").endResponseMessage()
                    .responseMessage().code(502).message("The S3 store failed while checking a job's video; none is queued").endResponseMessage()
                    .to("direct:http-submit-jobs");

        RestDefinition probe = rest("/probe")
                .get().id("get-probe")
                    .description("What a video holds, before pulling any audio: container, duration, size, audio streams")
                    .produces("application/json");
        queryParams(probe, EXTRACTION_FIELDS.subList(0, 1));
        probeResponses(probe);
        probe.to("direct:http-probe");
        probe.post().id("post-probe")
                .description("The probe with a JSON body {\"savepath\": ...}")
                .consumes("application/json").produces("application/json")
                .param().name("body").type(RestParamType.body).required(true).example("{\"savepath\": \"youtube/abc123.mp4\"}").endParam();
        probeResponses(probe);
        probe.to("direct:http-probe");
    }

    private static List<Field> extraction() {
        return concat(EXTRACTION_FIELDS, SPEECH_FIELDS);
    }

    @SafeVarargs
    private static List<Field> concat(List<Field>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static void analysisResponses(RestDefinition rest, String body) {
        rest.responseMessage().code(200).message(body).endResponseMessage()
            .responseMessage().code(400).message("As for /extract-audio").endResponseMessage()
            .responseMessage().code(401).message("API key missing or wrong").endResponseMessage()
            .responseMessage().code(404).message("No such video").endResponseMessage()
            .responseMessage().code(422).message("Not a media file, or no (matching) audio stream").endResponseMessage()
            .responseMessage().code(502).message("The S3 store failed").endResponseMessage()
            .responseMessage().code(503).message("Saturated (the analysis takes an extraction slot): retry after Retry-After "
                    + "seconds").endResponseMessage();
    }

    private static String bodyFields(List<Field> fields) {
        return String.join("; ", fields.stream().map(f -> f.name() + (f.required() ? " (required)" : "") + ": " + f.description())
                .toList());
    }

    private static void queryParams(RestDefinition rest, List<Field> fields) {
        for (Field field : fields) {
            rest.param().name(field.name()).type(RestParamType.query).required(field.required()).dataType(field.type())
                    .description(field.description()).endParam();
        }
    }

    private static void audioResponses(RestDefinition rest) {
        rest.responseMessage().code(200).message("The audio, chunked, while ffmpeg writes it")
                    .header("Content-Type").description("the format's type (audio/L16;rate=16000;channels=1 for pcm)").endResponseHeader()
                    .header("Content-Disposition").description("attachment; filename=\"abc123.mp3\"; filename*=UTF-8''... (any name)")
                        .endResponseHeader()
                    .header("X-Source-Duration").description("the video's duration in seconds").endResponseHeader()
                    .header("X-Output-Duration").description("the seconds of audio being sent, after start/duration").endResponseHeader()
                    .header("X-Audio-Format").description("the format sent").endResponseHeader()
                    .header("X-Sample-Rate").description("Hz").endResponseHeader()
                    .header("X-Channels").description("channels").endResponseHeader()
                    .header("X-Audio-Stream").description("the audio stream taken, by index among the audio streams").endResponseHeader()
                    .header("X-Audio-Language").description("its language tag, when it has one").endResponseHeader()
                    .header("X-Request-Id").description("the id on the service's log lines for this request").endResponseHeader()
                    .header("X-Speech-Segments").description("speech_only: the segments extracted, in source seconds, in output "
                            + "order (1.2-4.5,7.8-9.1); omitted beyond 32 KiB (/speech gives them)").endResponseHeader()
                    .header("X-Speech-Segment-Count").description("speech_only: how many").endResponseHeader()
                .endResponseMessage()
            .responseMessage().code(400).message("Malformed JSON or HTTP, a missing or bad field (the detail gives the allowed "
                    + "values), a savepath that is absolute, has .. segments, control characters or backslashes, is too long, "
                    + "or leads out of the bucket").endResponseMessage()
            .responseMessage().code(401).message("API key missing or wrong").endResponseMessage()
            .responseMessage().code(404).message("No such video (a folder is none either), locally or in the S3 store; also any "
                    + "path the API does not have").endResponseMessage()
            .responseMessage().code(405).message("A method other than GET or POST").endResponseMessage()
            .responseMessage().code(408).message("The body did not arrive within audio.http.body-timeout (5 s); the connection "
                    + "is closed").endResponseMessage()
            .responseMessage().code(413).message("Body over 64 KiB; the connection is closed").endResponseMessage()
            .responseMessage().code(422).message("Not a media file (a playlist, manifest or list that refers to other files is "
                    + "refused, never followed), no audio stream, no stream matching track/language (the detail lists them), not "
                    + "AAC when aac is asked, or start beyond the end").endResponseMessage()
            .responseMessage().code(500).message("ffmpeg failed for another reason (its error line in the detail)").endResponseMessage()
            .responseMessage().code(502).message("The S3 store failed: unreachable, credentials or permissions refused, bucket "
                    + "missing (the detail says which and what to check)").endResponseMessage()
            .responseMessage().code(503).message("Every extraction slot busy and the wait queue full, or no slot within "
                    + "audio.queue-timeout, or the service is stopping: retry after Retry-After seconds").endResponseMessage()
            .responseMessage().code(504).message("The probe of the video did not finish within audio.probe-timeout").endResponseMessage();
    }

    private static void probeResponses(RestDefinition rest) {
        rest.responseMessage().code(200).message("{savepath, container, duration, size, has_video, audio_streams: "
                    + "[{index, stream_index, codec, channels, sample_rate, bit_rate, language, default}]}; index is what track names")
                    .endResponseMessage()
            .responseMessage().code(400).message("As for /extract-audio").endResponseMessage()
            .responseMessage().code(401).message("API key missing or wrong").endResponseMessage()
            .responseMessage().code(404).message("No such video").endResponseMessage()
            .responseMessage().code(422).message("Not a media file").endResponseMessage()
            .responseMessage().code(502).message("The S3 store failed").endResponseMessage()
            .responseMessage().code(503).message("Too many probes at once (audio.max-concurrent-probes): retry after Retry-After "
                    + "seconds").endResponseMessage()
            .responseMessage().code(504).message("The probe did not finish within audio.probe-timeout").endResponseMessage();
    }
}
