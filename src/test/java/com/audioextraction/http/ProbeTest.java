package com.audioextraction.http;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET/POST /probe: what a worker learns before it pulls any audio. */
class ProbeTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<byte[]> probeGet(String savepath) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/probe?savepath=" + URLEncoder.encode(savepath, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void describesEveryAudioStreamOfAMultiTrackVideo() throws Exception {
        HttpResponse<byte[]> response = probeGet(MediaFixtures.TWO_LANGUAGES);

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        assertFalse(response.headers().firstValue("savepath").isPresent(), "request parameters must not echo as headers");
        JsonNode info = JSON.readTree(response.body());
        assertEquals(MediaFixtures.TWO_LANGUAGES, info.path("savepath").asText());
        assertEquals("matroska,webm", info.path("container").asText());
        assertEquals(MediaFixtures.TWO_LANGUAGES_SECONDS, info.path("duration").asDouble(), 0.1);
        assertEquals(Files.size(MediaFixtures.bucket().resolve(MediaFixtures.TWO_LANGUAGES)), info.path("size").asLong());
        assertTrue(info.path("has_video").asBoolean());
        JsonNode streams = info.path("audio_streams");
        assertEquals(2, streams.size());
        assertStream(streams.get(0), 0, 1, "aac", 6, 48000, "ara", true);
        assertStream(streams.get(1), 1, 2, "aac", 2, 44100, "eng", false);
    }

    @Test
    void answersPostWithJsonToo() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/probe"))
                .POST(HttpRequest.BodyPublishers.ofString(json(MediaFixtures.TV, null))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode(), () -> text(response));
        JsonNode info = JSON.readTree(response.body());
        assertEquals(MediaFixtures.TV_SECONDS, info.path("duration").asDouble(), 0.1);
        assertEquals(128000, info.path("audio_streams").get(0).path("bit_rate").asLong(), 5000);
        assertTrue(info.path("audio_streams").get(0).path("default").asBoolean());
    }

    @Test
    void reportsAVideoWithoutAudioAsHavingNoAudioStreams() throws Exception {
        JsonNode info = JSON.readTree(probeGet(MediaFixtures.NO_AUDIO).body());
        assertEquals(0, info.path("audio_streams").size());
        assertTrue(info.path("has_video").asBoolean());
    }

    @Test
    void followsTheSamePathRulesAndErrorsAsExtraction() throws Exception {
        assertEquals(400, probeGet("../secret/secret.mp4").statusCode());
        assertEquals(400, probeGet(MediaFixtures.LINK_OUT).statusCode());
        assertEquals(404, probeGet("tv/missing.mp4").statusCode());
        HttpResponse<byte[]> notMedia = probeGet(MediaFixtures.NOT_MEDIA);
        assertEquals(422, notMedia.statusCode());
        assertEquals("not a media file", JSON.readTree(notMedia.body()).path("error").asText());
        HttpResponse<byte[]> noSavepath = http.send(HttpRequest.newBuilder(uri("/probe")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, noSavepath.statusCode());
        assertEquals("savepath is required", JSON.readTree(noSavepath.body()).path("error").asText());
    }

    static void assertStream(JsonNode stream, int index, int streamIndex, String codec, int channels, int rate,
            String language, boolean isDefault) {
        assertEquals(index, stream.path("index").asInt(), stream.toString());
        assertEquals(streamIndex, stream.path("stream_index").asInt(), stream.toString());
        assertEquals(codec, stream.path("codec").asText(), stream.toString());
        assertEquals(channels, stream.path("channels").asInt(), stream.toString());
        assertEquals(rate, stream.path("sample_rate").asInt(), stream.toString());
        assertEquals(language, stream.path("language").asText(null), stream.toString());
        assertEquals(isDefault, stream.path("default").asBoolean(), stream.toString());
        assertTrue(stream.has("bit_rate"), stream.toString());
    }
}
