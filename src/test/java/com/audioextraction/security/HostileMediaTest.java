package com.audioextraction.security;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Videos are untrusted content, not only their paths: files in the bucket that are playlists,
 * manifests or lists pointing at a real video outside it (the canary, a 1000 Hz tone). Each
 * of them, read by ffmpeg without the demuxer whitelist, yields the canary's audio. The service
 * must answer 422 "not a media file" for extraction and probe alike, serving not one byte of it.
 */
class HostileMediaTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void playlistsManifestsAndListsInTheBucketAreNotMediaForExtraction() throws Exception {
        for (String hostile : MediaFixtures.HOSTILE) {
            for (String format : new String[] {"pcm", "aac"}) {
                HttpResponse<byte[]> response = postJson(json(hostile, format));
                assertNotMedia(hostile + " as " + format, response.statusCode(), text(response));
            }
        }
    }

    @Test
    void playlistsManifestsAndListsInTheBucketAreNotMediaForTheProbe() throws Exception {
        for (String hostile : MediaFixtures.HOSTILE) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/probe?savepath="
                    + URLEncoder.encode(hostile, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertNotMedia(hostile + " probed", response.statusCode(), response.body());
            assertFalse(response.body().contains(String.valueOf(MediaFixtures.CANARY_SECONDS)), response.body());
        }
    }

    @Test
    void aRealVideoStillWorksNextToThem() throws Exception {
        assertEquals(200, postJson(json(MediaFixtures.TV, "pcm")).statusCode());
    }

    private static void assertNotMedia(String what, int status, String body) throws Exception {
        assertEquals(422, status, what + ": " + body);
        JsonNode error = JSON.readTree(body);
        assertEquals("not a media file", error.path("error").asText(), what + ": " + body);
        assertTrue(error.path("detail").asText().contains("refers to other files"), what + ": " + body);
        assertFalse(body.contains(MediaFixtures.dataPath().toString()), what + " leaks a server path: " + body);
    }
}
