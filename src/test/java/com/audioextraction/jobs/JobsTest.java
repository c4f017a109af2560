package com.audioextraction.jobs;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch jobs through the real embedded Artemis broker: files out, results out, retries, dead letters, restarts. */
class JobsTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "jobs-test").toAbsolutePath();
    private static final Path OUTPUT = WORK.resolve("audio");

    private static boolean cleaned;

    @Override
    protected void overrideProperties(Properties properties) {
        if (!cleaned) { // once per run: the restart tests need the journal and the output kept
            FileUtil.removeDir(WORK.toFile());
            cleaned = true;
        }
        properties.put("audio.jobs.enabled", "true");
        properties.put("audio.jobs.output-dir", OUTPUT.toString());
        properties.put("audio.broker.data-dir", WORK.resolve("broker").toString());
        properties.put("audio.broker.port", String.valueOf(freePort()));
        properties.put("audio.jobs.concurrent-consumers", "2");
        properties.put("audio.shutdown-grace", "1");
        properties.put("audio.jobs.retry-delay", "100ms");
    }

    @BeforeEach
    void drainQueues() {
        ConsumerTemplate consumer = context.createConsumerTemplate();
        for (String queue : List.of("audio.results", "audio.jobs.dlq")) {
            while (consumer.receive("jms:queue:" + queue, 200) != null) {
                // leftovers of an earlier test
            }
        }
    }

    private void send(String job) {
        ProducerTemplate producer = context.createProducerTemplate();
        producer.sendBody("jms:queue:audio.jobs?exchangePattern=InOnly", job);
    }

    private JsonNode nextResult(long millis) throws IOException {
        Exchange message = context.createConsumerTemplate().receive("jms:queue:audio.results", millis);
        assertNotNull(message, "no result event within " + millis + " ms");
        return JSON.readTree(message.getMessage().getBody(String.class));
    }

    @Test
    void jobsInFilesAndResultsOut() throws Exception {
        send("{\"id\": \"news-wav\", \"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \"wav\"}");
        send("{\"id\": \"eng-pcm\", \"savepath\": \"" + MediaFixtures.TWO_LANGUAGES
                + "\", \"audio_format\": \"pcm\", \"language\": \"eng\", \"output_key\": \"custom/english.pcm\"}");
        send("{\"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \"mp3\", \"start\": 2, \"duration\": 3}");

        List<JsonNode> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(nextResult(30_000));
        }
        for (JsonNode result : results) {
            assertEquals("done", result.path("status").asText(), result.toString());
            assertTrue(result.path("error").isNull(), result.toString());
            assertTrue(result.path("bytes").asLong() > 0, result.toString());
            assertTrue(result.path("elapsed_ms").asLong() > 0, result.toString());
        }
        JsonNode wav = find(results, "news-wav");
        assertEquals(OUTPUT.resolve("tv/news.wav").toString(), wav.path("output").asText());
        assertEquals("wav", wav.path("audio_format").asText());
        assertEquals(MediaFixtures.TV, wav.path("savepath").asText());
        assertEquals(10.0, wav.path("duration_seconds").asDouble(), 0.01);
        assertEquals(10.0, AudioProbe.of(OUTPUT.resolve("tv/news.wav")).duration(), 0.1);
        assertEquals(Files.size(OUTPUT.resolve("tv/news.wav")), wav.path("bytes").asLong());

        assertEquals(OUTPUT.resolve("custom/english.pcm").toString(), find(results, "eng-pcm").path("output").asText());
        assertEquals(8.0 * 16000 * 2, Files.size(OUTPUT.resolve("custom/english.pcm")), 0.05 * 16000 * 2);

        JsonNode generated = results.stream().filter(r -> r.path("audio_format").asText().equals("mp3")).findFirst().orElseThrow();
        assertEquals(36, generated.path("id").asText().length(), "a job without id gets a generated one");
        assertEquals(3.0, AudioProbe.of(OUTPUT.resolve("tv/news.mp3")).duration(), 0.08);
        assertEquals(List.of(), partFiles(), "partial files left");
    }

    @Test
    void aJobThatKeepsFailingIsRetriedThenDeadLetteredWithItsReason() throws Exception {
        long before = ffmpegProcesses().started();
        String job = "{\"id\": \"cut\", \"savepath\": \"" + MediaFixtures.TRUNCATED + "\", \"audio_format\": \"flac\"}";
        send(job);

        JsonNode result = nextResult(30_000);
        assertEquals("failed", result.path("status").asText(), result.toString());
        assertEquals("cut", result.path("id").asText());
        assertTrue(result.path("error").asText().contains("partial file"), result.toString());
        // three attempts, each a probe and an ffmpeg
        assertEquals(6, ffmpegProcesses().started() - before);

        Exchange dead = context.createConsumerTemplate().receive("jms:queue:audio.jobs.dlq", 5000);
        assertNotNull(dead, "not dead-lettered");
        assertEquals(job, dead.getMessage().getBody(String.class));
        assertTrue(dead.getMessage().getHeader(JobResults.FAILURE_REASON, String.class).contains("partial file"));
        assertTrue(Files.notExists(OUTPUT.resolve("tv/truncated.flac")), "a failed job published a file");
        assertEquals(List.of(), partFiles());
    }

    @Test
    void aMalformedJobGoesStraightToTheDeadLetterQueue() throws Exception {
        long before = ffmpegProcesses().started();
        String[][] cases = {
            {"this is not json", "400 malformed JSON"},
            {"{\"id\": \"m1\"}", "400 savepath is required"},
            {"{\"id\": \"m2\", \"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \"ogg\"}", "400 unsupported audio_format"},
            {"{\"id\": \"m3\", \"savepath\": \"../secret/secret.mp4\"}", "400 invalid savepath"},
            {"{\"id\": \"m4\", \"savepath\": \"" + MediaFixtures.TV + "\", \"output_key\": \"../../etc/x.mp3\"}", "400 invalid output_key"},
        };
        for (String[] c : cases) {
            send(c[0]);
            JsonNode result = nextResult(10_000);
            assertEquals("failed", result.path("status").asText());
            assertTrue(result.path("error").asText().startsWith(c[1]), c[0] + " -> " + result);
            Exchange dead = context.createConsumerTemplate().receive("jms:queue:audio.jobs.dlq", 5000);
            assertNotNull(dead);
            assertEquals(c[0], dead.getMessage().getBody(String.class));
        }
        // every one is refused before anything runs
        assertEquals(0, ffmpegProcesses().started() - before);
    }

    @Test
    void postJobsQueuesValidJobsAndRejectsInvalidOnes() throws Exception {
        HttpResponse<String> accepted = post("[{\"id\": \"h1\", \"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \"aac\"}]");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("{\"ids\":[\"h1\"]}", accepted.body());
        JsonNode result = nextResult(30_000);
        assertEquals("h1", result.path("id").asText());
        assertEquals("done", result.path("status").asText());

        HttpResponse<String> rejected = post("[{\"savepath\": \"" + MediaFixtures.TV + "\"}, {\"savepath\": \"../x.mp4\"}]");
        assertEquals(400, rejected.statusCode());
        assertTrue(rejected.body().contains("job 1: invalid savepath"), rejected.body());
        assertNull(context.createConsumerTemplate().receive("jms:queue:audio.results", 1500), "a rejected batch queued a job");
    }

    @Test
    void storedFilesAreCompleteStandardFiles() throws Exception {
        for (String format : List.of("wav", "flac", "mp3", "opus")) {
            send("{\"id\": \"file-" + format + "\", \"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \""
                    + format + "\", \"output_key\": \"complete/news." + format + "\"}");
        }
        List<JsonNode> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(nextResult(60_000));
        }
        for (String format : List.of("wav", "flac", "mp3", "opus")) {
            JsonNode result = find(results, "file-" + format);
            assertEquals("done", result.path("status").asText(), result.toString());
            assertEquals(MediaFixtures.TV_SECONDS, result.path("duration_seconds").asDouble(), 0.1, result.toString());
            Path file = OUTPUT.resolve("complete/news." + format);
            // the container's own idea of its length (N/A for a FLAC without its sample count, an MP3 without its info header)
            String declared = MediaFixtures.run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration",
                    "-of", "csv=p=0", file.toString())).strip();
            assertEquals(MediaFixtures.TV_SECONDS, Double.parseDouble(declared), 0.1, format + " declares " + declared);
        }
        // Python's wave module reads the frame count from the header (0xFFFFFFFF sizes would claim hours)
        String frames = MediaFixtures.run(List.of("/usr/bin/python3", "-c", "import wave,sys; w = wave.open(sys.argv[1]); "
                + "print(w.getnframes() / w.getframerate())", OUTPUT.resolve("complete/news.wav").toString())).strip();
        assertEquals(MediaFixtures.TV_SECONDS, Double.parseDouble(frames), 0.05);
        // flac -t decodes and compares with the MD5 in STREAMINFO (absent when written to a pipe)
        String flac = MediaFixtures.run(List.of("flac", "-t", "-s", OUTPUT.resolve("complete/news.flac").toString()));
        assertTrue(flac.isBlank(), flac);
        String md5 = MediaFixtures.run(List.of("metaflac", "--show-md5sum", OUTPUT.resolve("complete/news.flac").toString())).strip();
        assertTrue(!md5.equals("0".repeat(32)), "no MD5 in STREAMINFO");
        // the MP3 starts with an info frame (Xing/Info + LAME) that players read the length from
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(OUTPUT.resolve("complete/news.mp3")), 4096);
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("Info") || text.contains("Xing"), "no info header in the MP3");
    }

    @Test
    void aSpeechOnlyJobStoresOnlyTheSpeechAndSaysWhereItCameFrom() throws Exception {
        com.audioextraction.testsupport.SpeechFixture.truth();
        send("{\"id\": \"speech\", \"savepath\": \"" + com.audioextraction.testsupport.SpeechFixture.NEWS
                + "\", \"audio_format\": \"pcm\", \"speech_only\": true, \"output_key\": \"speech/news.pcm\"}");
        JsonNode result = nextResult(60_000);
        assertEquals("done", result.path("status").asText(), result.toString());
        double segments = 0;
        for (JsonNode segment : result.path("segments")) {
            segments += segment.path("end").asDouble() - segment.path("start").asDouble();
        }
        assertTrue(result.path("segments").size() >= 3, result.toString());
        assertEquals(segments, Files.size(OUTPUT.resolve("speech/news.pcm")) / 32000.0, 0.011);
        assertEquals(segments, result.path("duration_seconds").asDouble(), 0.02);
    }

    @Test
    void aSplitJobPublishesOneMessagePerChunkAndTheirManifest() throws Exception {
        com.audioextraction.testsupport.SpeechFixture.truth();
        ConsumerTemplate consumer = context.createConsumerTemplate();
        while (consumer.receive("jms:queue:audio.chunks", 100) != null) {
            // leftovers
        }
        send("{\"id\": \"split\", \"savepath\": \"" + com.audioextraction.testsupport.SpeechFixture.LONG
                + "\", \"audio_format\": \"pcm\", \"split\": {\"target_seconds\": 30, \"max_seconds\": 40}}");
        JsonNode manifest = nextResult(60_000);
        assertEquals("planned", manifest.path("status").asText(), manifest.toString());
        int count = manifest.path("chunk_count").asInt();
        assertTrue(count >= 3, manifest.toString());
        assertEquals(count, manifest.path("chunks").size());
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange message = consumer.receive("jms:queue:audio.chunks", 5000);
            assertNotNull(message, "chunk message " + i);
            JsonNode chunk = JSON.readTree(message.getMessage().getBody(String.class));
            assertEquals("split", chunk.path("job_id").asText());
            assertEquals(count, chunk.path("count").asInt());
            assertTrue(chunk.path("url").asText().startsWith("/extract-audio?savepath=speech%2Fnews-long.mp4&audio_format=pcm&start="),
                    chunk.toString());
            indices.add(chunk.path("index").asInt());
        }
        indices.sort(Integer::compare);
        assertEquals(java.util.stream.IntStream.range(0, count).boxed().toList(), indices);
        assertNull(consumer.receive("jms:queue:audio.chunks", 300), "one message per chunk");
        HttpResponse<String> refused = post("{\"savepath\": \"" + MediaFixtures.TV + "\", \"split\": {\"target_seconds\": 5}}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("invalid target_seconds"), refused.body());
    }

    @Test
    void postJobsRefusesWhatTheQueueWouldDeadLetter() throws Exception {
        String tv = "\"savepath\": \"" + MediaFixtures.TV + "\"";
        String[][] cases = {
            {"{" + tv + ", \"output_key\": 12345}", "invalid output_key"},
            {"{" + tv + ", \"output_key\": \"" + "k".repeat(300) + ".wav\"}", "invalid output_key"},
            {"{" + tv + ", \"output_key\": \"a\\r\\nb.wav\"}", "invalid output_key"},
            {"{" + tv + ", \"id\": \"x\\r\\nINFO forged line\"}", "invalid id"},
            {"{" + tv + ", \"id\": {\"nested\": 1}}", "invalid id"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = post(c[0]);
            assertEquals(400, response.statusCode(), c[0] + " -> " + response.body());
            assertTrue(response.body().contains(c[1]), c[0] + " -> " + response.body());
            send(c[0]); // the consumer refuses it the same way
            JsonNode result = nextResult(10_000);
            assertEquals("failed", result.path("status").asText(), c[0]);
            assertTrue(result.path("error").asText().contains(c[1]), c[0] + " -> " + result);
        }
    }

    @Test
    void anOutputKeyThroughALinkInTheOutputDirectoryIsRefused() throws Exception {
        Path outside = Files.createDirectories(WORK.resolve("outside"));
        Files.createDirectories(OUTPUT);
        Path link = OUTPUT.resolve("escape");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);
        String job = "{\"id\": \"l1\", \"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \"aac\", "
                + "\"output_key\": \"escape/x.aac\"}";
        HttpResponse<String> response = post(job);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("link"), response.body());
        send(job); // straight onto the queue, past the HTTP check
        JsonNode result = nextResult(10_000);
        assertEquals("failed", result.path("status").asText(), result.toString());
        assertTrue(result.path("error").asText().contains("link"), result.toString());
        try (Stream<Path> written = Files.list(outside)) {
            assertEquals(List.of(), written.toList(), "a job wrote outside the output directory");
        }
        Files.delete(link);
    }

    @Test
    void aJobCutShortByAStopCompletesOnceAfterTheRestart() throws Exception {
        // five minutes as Opus take ffmpeg about four seconds here: long enough to be cut short
        send("{\"id\": \"long\", \"savepath\": \"" + MediaFixtures.LONG + "\", \"audio_format\": \"opus\"}");
        Path output = OUTPUT.resolve("long/five-minutes.opus");
        Files.deleteIfExists(output);
        long deadline = System.currentTimeMillis() + 10_000;
        while (ffmpegChildren() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        stopService(); // 1 s of grace, then ffmpeg is killed
        assertEquals(0, awaitNoFfmpegChildren(2000));
        assertTrue(Files.notExists(output), "the interrupted job must not have published its file");

        startService();
        JsonNode result = nextResult(60_000);
        assertEquals("long", result.path("id").asText());
        assertEquals("done", result.path("status").asText(), result.toString());
        assertEquals(MediaFixtures.LONG_SECONDS, AudioProbe.of(output).duration(), 0.1);
        assertEquals(Files.size(output), result.path("bytes").asLong());
        assertNull(context.createConsumerTemplate().receive("jms:queue:audio.results", 1500), "one result only");
        assertEquals(List.of(), partFiles());
    }

    @Test
    void readinessIncludesTheBroker() throws Exception {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/observe/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"broker\",\"status\":\"UP\""), ready.body());
    }

    @Test
    void queuedJobsSurviveABrokerRestart() throws Exception {
        context.getRouteController().stopRoute("batch-jobs");
        send("{\"id\": \"kept\", \"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \"opus\"}");
        stopService(); // the embedded broker stops with the service
        startService();
        JsonNode result = nextResult(30_000);
        assertEquals("kept", result.path("id").asText());
        assertEquals("done", result.path("status").asText());
        assertTrue(Files.size(OUTPUT.resolve("tv/news.opus")) > 1000);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/jobs")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(List<JsonNode> results, String id) {
        return results.stream().filter(r -> r.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + id + " in " + results));
    }

    private static List<Path> partFiles() throws IOException {
        if (!Files.exists(OUTPUT)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(OUTPUT)) {
            return files.filter(p -> p.getFileName().toString().contains(".part-")).toList();
        }
    }
}
