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
    void answers405ForOtherMethodsAsJson() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audio"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertJsonError(response, 405, "method not allowed");
    }

    @Test
    void answers404ForUnknownPathsAsJson() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audi0?savepath=a.mp4")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertJsonError(response, 404, "not found");
    }

    @Test
    void rejectsDurationsThatRoundToNothingOrOverflow() throws Exception {
        for (String duration : new String[] {"\"0.0000001\"", "0.0000001", "\"1e400\"", "\"-1\"", "0"}) {
            JsonNode body = assertJsonError(postJson("{\"savepath\": \"tv/news.mp4\", \"duration\": " + duration + "}"), 400,
                    "invalid duration");
            assertTrue(body.path("detail").asText().contains("from 0.001"), body.toString());
        }
        // a JSON number too large for a double arrives as infinity
        assertJsonError(postJson("{\"savepath\": \"tv/news.mp4\", \"duration\": 1e400}"), 400, "invalid duration");
        assertJsonError(postJson("{\"savepath\": \"tv/news.mp4\", \"start\": \"1e400\"}"), 400, "invalid start");
    }

    @Test
    void rejectsOverlongPathsWith400() throws Exception {
        JsonNode longName = assertJsonError(postJson(json("tv/" + "a".repeat(300) + ".mp4", null)), 400, "invalid savepath");
        assertTrue(longName.path("detail").asText().contains("longer than 255 bytes"), longName.toString());
        assertJsonError(postJson(json("tv/" + "abcdefghi/".repeat(110) + "x.mp4", null)), 400, "invalid savepath");
    }

    @Test
    void rejectsControlCharactersInPaths() throws Exception {
        assertJsonError(postJson(json("tv/news.mp4\r\nX-Forged: 1", null)), 400, "invalid savepath");
    }

    @Test
    void aMalformedContentLengthGetsAJsonErrorAndTheConnectionIsClosed() throws Exception {
        String answer = rawExchange("POST /extract-audio HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/json") && answer.contains("\"error\":\"malformed HTTP request\""), answer);
    }

    @Test
    void a413ClosesTheConnection() throws Exception {
        String answer = rawExchange("POST /extract-audio HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{\"savepath\":");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        assertTrue(answer.contains("\"error\":\"request body too large\""), answer);
    }

    /** Sends {@code request} on a plain socket and returns everything received until the server closed it (5 s at most). */
    private String rawExchange(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
