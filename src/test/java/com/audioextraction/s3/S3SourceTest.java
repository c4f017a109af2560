package com.audioextraction.s3;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.S3TestServer;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Videos read from a real S3 server (s3proxy) through camel-minio's presigned URLs, in the default
 * auto mode: local file first, a MinIO object folder (xl.meta) on disk through S3, else S3.
 */
class S3SourceTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "s3-source-test").toAbsolutePath();
    private static final Path DATA = WORK.resolve("minio");
    private static final String MINIO_OBJECT = "tv/minio-object.mp4";
    private static final String LOCAL_ONLY = "local/only-local.mp4";

    private S3TestServer s3;

    @Override
    protected void overrideProperties(Properties properties) {
        try {
            org.apache.camel.util.FileUtil.removeDir(DATA.toFile());
            s3 = S3TestServer.start(WORK.resolve("s3"));
            Path fixtures = MediaFixtures.bucket();
            for (String key : List.of(MediaFixtures.TV, MediaFixtures.MOOV_AT_END, MediaFixtures.LONG, MediaFixtures.NOT_MEDIA)) {
                s3.upload("videos", key, fixtures.resolve(key));
            }
            // current MinIO serves an object through S3 while its disk holds <key>/xl.meta and checksummed parts
            s3.upload("videos", MINIO_OBJECT, fixtures.resolve(MediaFixtures.TV));
            Path bucket = DATA.resolve("videos");
            Path objectFolder = Files.createDirectories(bucket.resolve(MINIO_OBJECT).resolve("7d1c0f3e-part"));
            Files.write(bucket.resolve(MINIO_OBJECT).resolve("xl.meta"), new byte[] {'X', 'L', '2', ' ', 1, 0, 3, 0});
            Files.write(objectFolder.resolve("part.1"), new byte[4096]);
            Files.createDirectories(bucket.resolve("local"));
            Files.copy(fixtures.resolve(MediaFixtures.TV), bucket.resolve(LOCAL_ONLY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("audio.minio-data-path", DATA.toString());
        properties.put("audio.s3.endpoint", s3.endpoint());
        properties.put("audio.s3.access-key", S3TestServer.ACCESS_KEY);
        properties.put("audio.s3.secret-key", S3TestServer.SECRET_KEY);
    }

    @AfterAll
    void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void streamsAVideoThatIsOnlyInS3() throws Exception {
        HttpResponse<byte[]> response = get(MediaFixtures.TV, "pcm");
        assertEquals(200, response.statusCode(), text(response));
        assertEquals(MediaFixtures.TV_SECONDS * 16000 * 2, response.body().length, 0.05 * 16000 * 2);
        assertEquals("10.000", response.headers().firstValue("X-Source-Duration").orElse("").substring(0, 6));
    }

    @Test
    void readsAnMp4WithItsIndexAtTheEnd() throws Exception {
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.MOOV_AT_END, "mp3"));
        assertEquals(200, response.statusCode(), text(response));
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals("mp3", audio.codec());
        assertEquals(MediaFixtures.TV_SECONDS, audio.duration(), 0.08);
    }

    @Test
    void aSegmentReadsASmallFractionOfTheObject() throws Exception {
        long size = Files.size(MediaFixtures.bucket().resolve(MediaFixtures.LONG));
        long before = s3.bytesServed();
        HttpResponse<byte[]> response = postJson("{\"savepath\": \"" + MediaFixtures.LONG
                + "\", \"audio_format\": \"wav\", \"start\": 200, \"duration\": 10}");
        long read = s3.bytesServed() - before;
        assertEquals(200, response.statusCode(), text(response));
        assertEquals(10.0, AudioProbe.of(response.body()).duration(), 0.05);
        System.out.println("segment of 10 s out of 300 s: read " + read + " of " + size + " bytes");
        assertTrue(read < size / 5, "read " + read + " of " + size + " bytes for 10 s of 300");
    }

    @Test
    void aPlaylistObjectIsNotMediaAndTheUrlItNamesIsNeverFetched() throws Exception {
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        byte[] canary = Files.readAllBytes(MediaFixtures.dataPath().resolve(MediaFixtures.CANARY));
        com.sun.net.httpserver.HttpServer elsewhere = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, canary.length);
            exchange.getResponseBody().write(canary);
            exchange.close();
        });
        elsewhere.start();
        try {
            Path playlist = WORK.resolve("ssrf.mp4");
            Files.writeString(playlist, "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\nhttp://127.0.0.1:"
                    + elsewhere.getAddress().getPort() + "/internal/canary.mp4\n#EXT-X-ENDLIST\n");
            s3.upload("videos", "hostile/ssrf.mp4", playlist);
            HttpResponse<byte[]> response = get("hostile/ssrf.mp4", "pcm");
            assertEquals(422, response.statusCode(), text(response));
            assertTrue(text(response).contains("\"not a media file\""), text(response));
            assertEquals(0, hits.get(), "ffmpeg fetched the URL the playlist named");
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void aMissingObjectIs404() throws Exception {
        HttpResponse<byte[]> response = get("tv/not-there.mp4", "mp3");
        assertEquals(404, response.statusCode(), text(response));
        JsonNode error = JSON.readTree(response.body());
        assertEquals("video not found", error.path("error").asText());
        assertTrue(error.path("detail").asText().contains("tv/not-there.mp4"), error.toString());
    }

    @Test
    void aMinioObjectFolderOnDiskIsReadThroughS3() throws Exception {
        long connections = s3.connections();
        HttpResponse<byte[]> response = get(MINIO_OBJECT, "pcm");
        assertEquals(200, response.statusCode(), text(response));
        assertEquals(MediaFixtures.TV_SECONDS * 16000 * 2, response.body().length, 0.05 * 16000 * 2);
        assertTrue(s3.connections() > connections, "the S3 store was not asked");
    }

    @Test
    void aPlainLocalFileIsReadFromDiskWithoutAskingS3() throws Exception {
        long connections = s3.connections();
        HttpResponse<byte[]> response = get(LOCAL_ONLY, "pcm");
        assertEquals(200, response.statusCode(), text(response));
        assertEquals(MediaFixtures.TV_SECONDS * 16000 * 2, response.body().length, 0.05 * 16000 * 2);
        assertEquals(connections, s3.connections());
    }

    @Test
    void pathRulesApplyToS3KeysBeforeTheStoreIsAsked() throws Exception {
        long connections = s3.connections();
        for (String savepath : List.of("../videos/tv/news.mp4", "tv/../../videos/tv/news.mp4", "/tv/news.mp4", "tv\\news.mp4")) {
            HttpResponse<byte[]> response = get(savepath, "mp3");
            assertEquals(400, response.statusCode(), savepath + ": " + text(response));
        }
        assertEquals(connections, s3.connections());
        // the key is the normalised path
        assertEquals(200, get("tv/./news.mp4", "aac").statusCode());
    }

    @Test
    void probesAnS3Object() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/probe?savepath="
                + URLEncoder.encode(MediaFixtures.MOOV_AT_END, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), text(response));
        JsonNode probe = JSON.readTree(response.body());
        assertEquals(MediaFixtures.TV_SECONDS, probe.path("duration").asDouble(), 0.1, probe.toString());
        assertEquals(Files.size(MediaFixtures.bucket().resolve(MediaFixtures.MOOV_AT_END)), probe.path("size").asLong(),
                probe.toString());
    }

    @Test
    void thePresignedUrlAppearsInNoLogLineAndNoResponse() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            // ffmpeg names its input in the error: the URL must be replaced by the savepath
            HttpResponse<byte[]> notMedia = get(MediaFixtures.NOT_MEDIA, "mp3");
            assertEquals(422, notMedia.statusCode(), text(notMedia));
            assertTrue(text(notMedia).contains(MediaFixtures.NOT_MEDIA), text(notMedia));
            assertFalse(text(notMedia).contains("X-Amz"), text(notMedia));
            assertEquals(200, get(MediaFixtures.TV, "opus").statusCode());
        } finally {
            root.detachAppender(logs);
        }
        String all = logs.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertTrue(all.contains("s3://videos/" + MediaFixtures.NOT_MEDIA), "the capture saw the requests:\n" + all);
        // the existence check also learnt the object's size
        long size = Files.size(MediaFixtures.bucket().resolve(MediaFixtures.TV));
        assertTrue(all.contains("s3://videos/" + MediaFixtures.TV + " (" + size + " bytes)"), all);
        assertFalse(all.contains("X-Amz-Signature"), all);
        assertFalse(all.contains("X-Amz-Credential"), all);
        assertFalse(all.contains(S3TestServer.SECRET_KEY), all);
    }

    @Test
    void readinessIncludesTheStore() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/observe/health/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"s3\""), response.body());
        assertFalse(response.body().contains("\"bucket\""), "with S3 configured the local bucket root is optional: " + response.body());
        assertEquals(0, awaitNoFfmpegChildren(5000));
    }
}
