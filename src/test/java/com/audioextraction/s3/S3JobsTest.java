package com.audioextraction.s3;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.S3TestServer;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch jobs with nothing on local disk: videos from the S3 store (audio.source=s3), audio into
 * an output bucket of the same store (audio.jobs.output=s3), through the real embedded broker.
 */
class S3JobsTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "s3-jobs-test").toAbsolutePath();
    private static final Path UPLOADS = WORK.resolve("tmp").resolve("audio-extraction-uploads");

    private S3TestServer s3;

    @Override
    protected void overrideProperties(Properties properties) {
        FileUtil.removeDir(WORK.toFile());
        try {
            s3 = S3TestServer.start(WORK.resolve("s3"));
            for (String key : List.of(MediaFixtures.TV, MediaFixtures.MOOV_AT_END, MediaFixtures.TRUNCATED)) {
                s3.upload("videos", key, MediaFixtures.bucket().resolve(key));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("audio.minio-data-path", WORK.resolve("no-local-data").toString());
        properties.put("audio.source", "s3");
        properties.put("audio.s3.endpoint", s3.endpoint());
        properties.put("audio.s3.access-key", S3TestServer.ACCESS_KEY);
        properties.put("audio.s3.secret-key", S3TestServer.SECRET_KEY);
        properties.put("audio.jobs.enabled", "true");
        properties.put("audio.jobs.output", "s3");
        properties.put("audio.jobs.output-bucket", "transcripts-audio");
        properties.put("audio.temp-dir", WORK.resolve("tmp").toString());
        properties.put("audio.broker.data-dir", WORK.resolve("broker").toString());
        properties.put("audio.broker.port", String.valueOf(freePort()));
        properties.put("audio.shutdown-grace", "1");
    }

    @AfterAll
    void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void jobsReadFromS3AndWriteIntoTheOutputBucket() throws Exception {
        HttpResponse<String> accepted = postJobs("[{\"id\": \"moov\", \"savepath\": \"" + MediaFixtures.MOOV_AT_END
                + "\", \"audio_format\": \"wav\"}, {\"id\": \"part\", \"savepath\": \"" + MediaFixtures.TV
                + "\", \"audio_format\": \"mp3\", \"start\": 4, \"duration\": 3, \"output_key\": \"clips//news-4s.mp3\"}]");
        assertEquals(202, accepted.statusCode(), accepted.body());

        JsonNode first = nextResult();
        JsonNode second = nextResult();
        JsonNode moov = first.path("id").asText().equals("moov") ? first : second;
        JsonNode part = moov == first ? second : first;
        assertEquals("done", moov.path("status").asText(), moov.toString());
        assertEquals("s3://transcripts-audio/tv/moov-at-end.wav", moov.path("output").asText());
        byte[] wav = s3.download("transcripts-audio", "tv/moov-at-end.wav");
        assertNotNull(wav);
        assertEquals(wav.length, moov.path("bytes").asLong());
        assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(wav).duration(), 0.05);

        assertEquals("done", part.path("status").asText(), part.toString());
        assertEquals("s3://transcripts-audio/clips/news-4s.mp3", part.path("output").asText());
        assertEquals(3.0, AudioProbe.of(s3.download("transcripts-audio", "clips/news-4s.mp3")).duration(), 0.08);
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFailedJobLeavesNoObjectAndNoTemporaryFile() throws Exception {
        HttpResponse<String> accepted = postJobs("{\"id\": \"cut\", \"savepath\": \"" + MediaFixtures.TRUNCATED
                + "\", \"audio_format\": \"flac\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode result = nextResult();
        assertEquals("failed", result.path("status").asText(), result.toString());
        assertTrue(result.path("error").asText().contains("partial file"), result.toString());
        assertFalse(s3.exists("transcripts-audio", "tv/truncated.flac"));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void submittingAJobForAMissingObjectOrABadPathIsRefusedAtOnce() throws Exception {
        HttpResponse<String> missing = postJobs("{\"savepath\": \"tv/not-in-the-bucket.mp4\"}");
        assertEquals(404, missing.statusCode(), missing.body());
        HttpResponse<String> escaping = postJobs("{\"savepath\": \"../other-bucket/video.mp4\"}");
        assertEquals(400, escaping.statusCode(), escaping.body());
        HttpResponse<String> badKey = postJobs("{\"savepath\": \"" + MediaFixtures.TV + "\", \"output_key\": \"../x.mp3\"}");
        assertEquals(400, badKey.statusCode(), badKey.body());
    }

    private HttpResponse<String> postJobs(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/jobs")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode nextResult() throws IOException {
        Exchange message = context.createConsumerTemplate().receive("jms:queue:audio.results", 60_000);
        assertNotNull(message, "no result event within 60 s");
        return JSON.readTree(message.getMessage().getBody(String.class));
    }

    private static List<Path> leftovers() throws IOException {
        if (!Files.isDirectory(UPLOADS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(UPLOADS)) {
            return files.toList();
        }
    }
}
