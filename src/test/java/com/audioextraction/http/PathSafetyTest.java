package com.audioextraction.http;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paths that try to leave the bucket. A real video waits outside it ({@code <data>/secret/secret.mp4}),
 * so a traversal that worked would stream audio; none may, and none may even start ffmpeg.
 */
class PathSafetyTest extends ServiceTestSupport {

    private static final List<String> ATTACKS = List.of(
            "../secret/secret.mp4",
            "tv/../../secret/secret.mp4",
            "./../secret/secret.mp4",
            "tv/./../../secret/secret.mp4",
            "..",
            "tv/../../../../../../../etc/passwd",
            "/etc/passwd",
            MediaFixtures.dataPath().resolve("secret/secret.mp4").toString(),
            "..\\secret\\secret.mp4",
            "tv\\..\\..\\secret\\secret.mp4",
            "tv/news.mp4\u0000../../secret/secret.mp4",
            MediaFixtures.LINK_OUT,
            MediaFixtures.LINK_DIR_OUT);

    @Test
    void servesNoByteOutsideTheBucketThroughPost() throws Exception {
        long startedBefore = ffmpegProcesses().started();
        for (String attack : ATTACKS) {
            HttpResponse<byte[]> response = postJson(json(attack, "wav"));
            assertRefused(attack, response);
        }
        assertEquals(startedBefore, ffmpegProcesses().started(), "ffmpeg was started for a refused path");
    }

    @Test
    void servesNoByteOutsideTheBucketThroughGet() throws Exception {
        long startedBefore = ffmpegProcesses().started();
        for (String attack : ATTACKS) {
            assertRefused(attack, get(attack, "wav"));
        }
        // encodings a proxy or a sloppy decoder might turn into ../
        for (String raw : List.of("%2e%2e/secret/secret.mp4", "%2E%2E%2Fsecret%2Fsecret.mp4", "tv/%2e%2e/%2e%2e/secret/secret.mp4",
                "..%2fsecret%2fsecret.mp4", "%2Fetc%2Fpasswd")) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audio?savepath=" + raw)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertRefused(raw, response);
        }
        assertEquals(startedBefore, ffmpegProcesses().started(), "ffmpeg was started for a refused path");
    }

    @Test
    void refusesTraversalWith400AndSaysWhy() throws Exception {
        HttpResponse<byte[]> response = postJson(json("../secret/secret.mp4", null));
        assertEquals(400, response.statusCode());
        assertTrue(text(response).contains("invalid savepath"), text(response));
    }

    @Test
    void refusesASymlinkThatPointsOutOfTheBucketWith400() throws Exception {
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.LINK_OUT, null));
        assertEquals(400, response.statusCode());
        assertTrue(text(response).contains("outside the bucket"), text(response));
    }

    @Test
    void stillServesAVideoWhosePathMerelyContainsDots() throws Exception {
        // "./" segments and double slashes normalise to a path inside the bucket
        HttpResponse<byte[]> response = get("./tv//news.mp4", "wav");
        assertEquals(200, response.statusCode(), () -> text(response));
    }

    private static void assertRefused(String attack, HttpResponse<byte[]> response) {
        String shown = URLEncoder.encode(attack, StandardCharsets.UTF_8);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 404,
                shown + " gave " + response.statusCode() + ": " + text(response));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null), shown);
        assertTrue(response.body().length < 1000 && text(response).startsWith("{\"error\""), shown + " gave a body that is not an error");
    }
}
