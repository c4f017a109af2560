package com.audioextraction.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a request can fail before audio flows: the status and the JSON error the caller gets. */
class ErrorResponsesTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode assertJsonError(HttpResponse<byte[]> response, int status, String error) throws Exception {
        assertEquals(status, response.statusCode(), () -> text(response));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(error, body.path("error").asText(), () -> text(response));
        assertTrue(body.hasNonNull("detail"), () -> "no detail in " + text(response));
        return body;
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        assertJsonError(postJson("{\"savepath\": "), 400, "malformed JSON");
    }

    @Test
    void rejectsABodyThatIsNotAnObject() throws Exception {
        assertJsonError(postJson("[\"tv/news.mp4\"]"), 400, "request body must be a JSON object");
        assertJsonError(postJson("\"tv/news.mp4\""), 400, "request body must be a JSON object");
    }

    @Test
    void rejectsAnEmptyBody() throws Exception {
        assertJsonError(postJson(""), 400, "request body is empty");
    }

    @Test
    void requiresSavepath() throws Exception {
        assertJsonError(postJson("{\"audio_format\": \"mp3\"}"), 400, "savepath is required");
        assertJsonError(postJson("{\"savepath\": null}"), 400, "savepath is required");
    }

    @Test
    void rejectsAnEmptySavepath() throws Exception {
        assertJsonError(postJson("{\"savepath\": \"  \"}"), 400, "savepath must not be empty");
    }

    @Test
    void rejectsASavepathThatIsNotAString() throws Exception {
        assertJsonError(postJson("{\"savepath\": 42}"), 400, "savepath must be a string");
        assertJsonError(postJson("{\"savepath\": [\"a.mp4\"]}"), 400, "savepath must be a string");
    }

    @Test
    void rejectsAnUnknownFormatListingTheAllowedOnes() throws Exception {
        JsonNode body = assertJsonError(postJson(json(MediaFixtures.TV, "ogg")), 400, "unsupported audio_format \"ogg\"");
        assertEquals("allowed formats: mp3, wav, flac, pcm, opus, aac", body.path("detail").asText());
    }

    @Test
    void answers404ForAMissingVideo() throws Exception {
        assertJsonError(postJson(json("tv/missing.mp4", null)), 404, "video not found");
        assertJsonError(get("tv/missing.mp4", null), 404, "video not found");
    }

    @Test
    void answers404ForADirectory() throws Exception {
        assertJsonError(postJson(json("tv", null)), 404, "video not found");
    }

    @Test
    void answers413ForABodyOver64KiB() throws Exception {
        String big = "{\"savepath\": \"tv/news.mp4\", \"padding\": \"" + "x".repeat(70_000) + "\"}";
        assertJsonError(postJson(big), 413, "request body too large");
    }

    @Test
    void answers413ForAChunkedBodyOver64KiB() throws Exception {
        byte[] big = ("{\"savepath\": \"tv/news.mp4\", \"padding\": \"" + "x".repeat(70_000) + "\"}").getBytes();
        // a publisher of unknown length makes the client send it chunked, without Content-Length
        HttpRequest request = HttpRequest.newBuilder(uri("/extract-audio"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        assertJsonError(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), 413, "request body too large");
    }

    @Test
    void answers422ForAVideoWithoutAudio() throws Exception {
        JsonNode body = assertJsonError(postJson(json(MediaFixtures.NO_AUDIO, null)), 422, "no audio stream");
        assertEquals(MediaFixtures.NO_AUDIO + " has no audio stream", body.path("detail").asText());
    }

    @Test
    void answers422ForAFileThatIsNotMediaWithFfmpegsReason() throws Exception {
        JsonNode body = assertJsonError(postJson(json(MediaFixtures.NOT_MEDIA, "wav")), 422, "not a media file");
        assertTrue(body.path("detail").asText().contains("moov atom not found")
                || body.path("detail").asText().contains("Invalid data"), () -> body.toString());
        assertTrue(!body.toString().contains(MediaFixtures.bucket().toString()), "the server path must not leak: " + body);
    }

    @Test
    void answers405ForOtherMethods() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audio"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, response.statusCode());
    }
}
