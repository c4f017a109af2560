package com.audioextraction.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Successful extractions: what a transcription worker receives, decoded. */
class ExtractAudioTest extends ServiceTestSupport {

    private static final double TOLERANCE = 0.1;

    @Test
    void streamsMp3At320kByDefault() throws Exception {
        HttpResponse<byte[]> response = postJson("{\"savepath\": \"" + MediaFixtures.TV + "\"}");

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("audio/mpeg", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("attachment; filename=\"news.mp3\"; filename*=UTF-8''news.mp3",
                response.headers().firstValue("Content-Disposition").orElse(null));
        assertEquals(10.0, Double.parseDouble(response.headers().firstValue("X-Source-Duration").orElse("0")), TOLERANCE);
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals("mp3", audio.codec());
        assertEquals(48000, audio.sampleRate());
        assertEquals(2, audio.channels());
        assertEquals(MediaFixtures.TV_SECONDS, audio.duration(), TOLERANCE);
        // 320 kbit/s for 10 s is 400 kB; a lower bitrate would be far smaller
        assertTrue(response.body().length > 380_000, "mp3 of " + response.body().length + " bytes is not 320k");
    }

    @Test
    void streamsWavAsSixteenBitPcm() throws Exception {
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.TV, "wav"));

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("audio/wav", response.headers().firstValue("Content-Type").orElse(null));
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals("pcm_s16le", audio.codec());
        assertEquals(48000, audio.sampleRate());
        assertEquals(2, audio.channels());
        assertEquals(MediaFixtures.TV_SECONDS, audio.duration(), TOLERANCE);
        assertEquals(44 + 10 * 48000 * 2 * 2, response.body().length, 48000 * 2 * 2 / 10,
                "a plain 44-byte header and 10 s of 48 kHz stereo 16-bit samples");
    }

    @Test
    void streamsFlacInSixteenBits() throws Exception {
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.TV, "flac"));

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("audio/flac", response.headers().firstValue("Content-Type").orElse(null));
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals("flac", audio.codec());
        assertEquals(16, audio.bitsPerSample());
        assertEquals(48000, audio.sampleRate());
        assertEquals(MediaFixtures.TV_SECONDS, audio.duration(), TOLERANCE);
    }

    @Test
    void answersTheSameRequestAsGetWithQueryParameters() throws Exception {
        HttpResponse<byte[]> response = get(MediaFixtures.TV, "wav");

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("pcm_s16le", AudioProbe.of(response.body()).codec());
    }

    @Test
    void acceptsJsonSentAsAFormLikeCurlDashD() throws Exception {
        HttpResponse<byte[]> response = post(json(MediaFixtures.TV, "flac"), "application/x-www-form-urlencoded");

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("flac", AudioProbe.of(response.body()).codec());
    }

    @Test
    void acceptsJsonWithoutAnyContentType() throws Exception {
        HttpResponse<byte[]> response = post(json(MediaFixtures.TV, "wav"), null);

        assertEquals(200, response.statusCode(), () -> text(response));
    }

    @Test
    void readsAFileWithItsIndexAtTheEnd() throws Exception {
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.MOOV_AT_END, "mp3"));

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(response.body()).duration(), TOLERANCE);
    }

    @Test
    void namesTheAttachmentSafelyForAUnicodeFileName() throws Exception {
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.UNICODE, "wav"));

        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("attachment; filename=\"_berraschung __ _live_.wav\"; "
                        + "filename*=UTF-8''%C3%9Cberraschung%20%E6%97%A5%E6%9C%AC%20%22live%22.wav",
                response.headers().firstValue("Content-Disposition").orElse(null));
        assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(response.body()).duration(), TOLERANCE);
    }

    @Test
    void usesTheConfiguredDefaultFormatWhenNoneIsGiven() throws Exception {
        // application.properties: audio.default-audio-format=mp3
        HttpResponse<byte[]> response = get(MediaFixtures.TV, null);

        assertEquals("audio/mpeg", response.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void leavesNoFfmpegRunningAfterARequest() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audio?savepath=" + MediaFixtures.TV))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals(0, awaitNoFfmpegChildren(2000));
        assertEquals(0, awaitNoRunningExtractions(1000));
    }
}
