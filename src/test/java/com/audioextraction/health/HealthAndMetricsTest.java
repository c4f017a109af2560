package com.audioextraction.health;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /observe/health with the service's own checks, and /observe/metrics with its counters moving. */
class HealthAndMetricsTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithTheFfmpegAndBucketChecksInDetail() throws Exception {
        HttpResponse<String> health = get("/observe/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode body = JSON.readTree(health.body());
        assertEquals("UP", body.path("status").asText());
        assertEquals("UP", check(body, "ffmpeg").path("status").asText(), health.body());
        assertEquals("UP", check(body, "bucket").path("status").asText(), health.body());
        assertEquals(200, get("/observe/health/ready").statusCode());
        assertEquals(200, get("/observe/health/live").statusCode());
    }

    @Test
    void metricsCountRequestsBytesFailuresAndDisconnects() throws Exception {
        assertEquals(200, get("/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=wav").statusCode());
        assertEquals(404, get("/extract-audio?savepath=tv/missing.mp4&audio_format=wav").statusCode());
        assertEquals(422, get("/extract-audio?savepath=" + MediaFixtures.NOT_MEDIA + "&audio_format=mp3").statusCode());
        assertEquals(200, get("/probe?savepath=" + MediaFixtures.TV).statusCode());
        rawGet(MediaFixtures.LONG, "wav").close(); // a client that hangs up
        assertEquals(0, awaitNoRunningExtractions(2000));

        String metrics = get("/observe/metrics").body();
        assertTrue(value(metrics, "audio_requests_total{endpoint=\"extract\",format=\"wav\",status=\"200\"") >= 1, metrics);
        assertTrue(value(metrics, "audio_requests_total{endpoint=\"extract\",format=\"wav\",status=\"404\"") >= 1, metrics);
        assertTrue(value(metrics, "audio_requests_total{endpoint=\"probe\",format=\"none\",status=\"200\"") >= 1, metrics);
        assertTrue(value(metrics, "audio_bytes_sent_total{format=\"wav\"") > 1_900_000, metrics);
        assertTrue(value(metrics, "audio_ffmpeg_failures_total{cause=\"not_media\"") >= 1, metrics);
        assertTrue(metrics.contains("audio_extraction_seconds_bucket{format=\"wav\",outcome=\"complete\""), metrics);
        assertTrue(value(metrics, "audio_client_disconnects_total") >= 1, metrics);
        assertEquals(0, value(metrics, "audio_extractions_active"), metrics);
        assertEquals(0, value(metrics, "audio_extractions_queued"), metrics);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    /** The value of the first sample line starting with {@code prefix}; -1 when there is none. */
    static double value(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1.0);
    }
}
