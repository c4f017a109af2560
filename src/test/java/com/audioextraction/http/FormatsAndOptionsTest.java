package com.audioextraction.http;

import java.net.http.HttpResponse;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.Pcm;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whisper-ready output: every format, rates, channels, bitrates, segments and track choice, decoded. */
class FormatsAndOptionsTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double SEGMENT_TOLERANCE = 0.05;

    private HttpResponse<byte[]> extract(String json) throws Exception {
        HttpResponse<byte[]> response = postJson(json);
        assertEquals(200, response.statusCode(), () -> text(response));
        return response;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void pcmIsByteIdenticalToWhispersLoader() throws Exception {
        HttpResponse<byte[]> response = extract(json(MediaFixtures.TV, "pcm"));

        assertEquals("audio/L16;rate=16000;channels=1", header(response, "Content-Type"));
        byte[] whisper = Pcm.whisperLoad(MediaFixtures.bucket().resolve(MediaFixtures.TV));
        assertEquals(whisper.length, response.body().length);
        assertArrayEquals(whisper, response.body(), "pcm differs from whisper's ffmpeg output");
    }

    @Test
    void opusIsOggOpusAt32kMono16kHz() throws Exception {
        HttpResponse<byte[]> response = extract(json(MediaFixtures.TV, "opus"));

        assertEquals("audio/ogg", header(response, "Content-Type"));
        assertEquals("16000", header(response, "X-Sample-Rate"));
        assertEquals("1", header(response, "X-Channels"));
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals("opus", audio.codec());
        assertEquals(1, audio.channels());
        assertEquals(MediaFixtures.TV_SECONDS, audio.duration(), 0.1);
        // 32 kbit/s for 10 s is about 40 kB (the source's 48 kHz stereo at a default bitrate would be larger)
        assertTrue(response.body().length < 60_000, response.body().length + " bytes");
    }

    @Test
    void aacCopiesTheSourceTrackIntoAdts() throws Exception {
        HttpResponse<byte[]> response = extract(json(MediaFixtures.TV, "aac"));

        assertEquals("audio/aac", header(response, "Content-Type"));
        assertEquals(0xFF, response.body()[0] & 0xFF, "ADTS sync word");
        assertEquals(0xF0, response.body()[1] & 0xF0, "ADTS sync word");
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals("aac", audio.codec());
        assertEquals(48000, audio.sampleRate());
        assertEquals(2, audio.channels());
        assertEquals(MediaFixtures.TV_SECONDS, audio.duration(), 0.1);
    }

    @Test
    void aacFromANonAacSourceIs422NamingTheFormatsThatWork() throws Exception {
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.MP3_AUDIO, "aac"));

        assertEquals(422, response.statusCode());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("source audio is not AAC", error.path("error").asText());
        assertTrue(error.path("detail").asText().contains("mp3, wav, flac, pcm, opus"), error.toString());
    }

    @Test
    void wavHasThePlain44ByteHeaderWithStreamingSizeMarkers() throws Exception {
        byte[] wav = extract(json(MediaFixtures.TV, "wav")).body();

        assertEquals("RIFF", new String(wav, 0, 4));
        assertEquals("WAVE", new String(wav, 8, 4));
        assertEquals("fmt ", new String(wav, 12, 4));
        assertEquals(16, wav[16], "plain PCM fmt chunk, no extension");
        assertEquals("data", new String(wav, 36, 4), "no LIST/INFO chunk before the data");
        for (int i = 40; i < 44; i++) {
            assertEquals((byte) 0xFF, wav[i], "data size unknown on a pipe: 0xFFFFFFFF");
        }
    }

    @Test
    void wavKeepsTheSourceRateAndChannelsUnlessAsked() throws Exception {
        AudioProbe kept = AudioProbe.of(extract(json(MediaFixtures.TWO_LANGUAGES, "wav")).body());
        assertEquals(48000, kept.sampleRate());
        assertEquals(6, kept.channels());

        AudioProbe asked = AudioProbe.of(extract("{\"savepath\": \"" + MediaFixtures.TWO_LANGUAGES
                + "\", \"audio_format\": \"wav\", \"sample_rate\": 22050, \"channels\": 1}").body());
        assertEquals(22050, asked.sampleRate());
        assertEquals(1, asked.channels());
        assertEquals(MediaFixtures.TWO_LANGUAGES_SECONDS, asked.duration(), 0.1);
    }

    @Test
    void mp3TakesABitrateAndASampleRate() throws Exception {
        HttpResponse<byte[]> response = extract("{\"savepath\": \"" + MediaFixtures.TV
                + "\", \"bitrate\": \"64k\", \"sample_rate\": 16000, \"channels\": 1}");
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals("mp3", audio.codec());
        assertEquals(16000, audio.sampleRate());
        assertEquals(1, audio.channels());
        // 64 kbit/s for 10 s: about 80 kB
        assertEquals(80_000, response.body().length, 8_000);
    }

    @Test
    void aSegmentHasExactlyTheAskedDuration() throws Exception {
        for (String format : new String[] {"pcm", "wav", "flac", "mp3", "opus"}) {
            HttpResponse<byte[]> response = extract("{\"savepath\": \"" + MediaFixtures.TV + "\", \"audio_format\": \""
                    + format + "\", \"start\": 2.5, \"duration\": 3.25}");
            assertEquals("3.250", header(response, "X-Output-Duration"));
            assertEquals("10.000", header(response, "X-Source-Duration"));
            if (format.equals("pcm")) {
                assertEquals(3.25 * 16000 * 2, response.body().length, SEGMENT_TOLERANCE * 16000 * 2);
            } else {
                assertEquals(3.25, AudioProbe.of(response.body()).duration(), format.equals("mp3") || format.equals("opus")
                        ? 0.08 : SEGMENT_TOLERANCE, format); // lossy encoders add a frame of padding
            }
        }
    }

    @Test
    void aSegmentRunningPastTheEndIsCutAtTheEnd() throws Exception {
        HttpResponse<byte[]> response = extract("{\"savepath\": \"" + MediaFixtures.TV
                + "\", \"audio_format\": \"pcm\", \"start\": 8, \"duration\": 30}");
        assertEquals("2.000", header(response, "X-Output-Duration"));
        assertEquals(2 * 16000 * 2, response.body().length, SEGMENT_TOLERANCE * 16000 * 2);
    }

    @Test
    void aStartBeyondTheEndIs422() throws Exception {
        HttpResponse<byte[]> response = postJson("{\"savepath\": \"" + MediaFixtures.TV + "\", \"start\": 12}");
        assertEquals(422, response.statusCode());
        assertTrue(text(response).contains("start is beyond the end"), text(response));
    }

    @Test
    void withoutTrackOrLanguageTheDefaultFlaggedStreamIsTaken() throws Exception {
        HttpResponse<byte[]> response = extract(json(MediaFixtures.TWO_LANGUAGES, "wav"));
        assertEquals("0", header(response, "X-Audio-Stream"));
        assertEquals("ara", header(response, "X-Audio-Language"));
        assertEquals(6, AudioProbe.of(response.body()).channels());
    }

    @Test
    void languageEngReturnsTheEnglishTrack() throws Exception {
        for (String tag : new String[] {"eng", "en"}) {
            HttpResponse<byte[]> response = extract("{\"savepath\": \"" + MediaFixtures.TWO_LANGUAGES
                    + "\", \"audio_format\": \"pcm\", \"language\": \"" + tag + "\"}");
            assertEquals("1", header(response, "X-Audio-Stream"));
            assertEquals("eng", header(response, "X-Audio-Language"));
            assertEquals(1000, Pcm.toneHz(response.body(), 16000), 20, "the English track is the 1000 Hz tone");
        }
        HttpResponse<byte[]> arabic = extract("{\"savepath\": \"" + MediaFixtures.TWO_LANGUAGES
                + "\", \"audio_format\": \"pcm\", \"language\": \"ar\"}");
        assertEquals(300, Pcm.toneHz(arabic.body(), 16000), 20, "the Arabic track is the 300 Hz tone");
    }

    @Test
    void trackPicksByIndexAmongAudioStreams() throws Exception {
        HttpResponse<byte[]> response = extract("{\"savepath\": \"" + MediaFixtures.TWO_LANGUAGES
                + "\", \"audio_format\": \"wav\", \"track\": 1}");
        AudioProbe audio = AudioProbe.of(response.body());
        assertEquals(44100, audio.sampleRate());
        assertEquals(2, audio.channels());
    }

    @Test
    void aTrackOrLanguageThatMatchesNothingIs422ListingTheStreams() throws Exception {
        for (String option : new String[] {"\"language\": \"fra\"", "\"track\": 2"}) {
            HttpResponse<byte[]> response = postJson("{\"savepath\": \"" + MediaFixtures.TWO_LANGUAGES + "\", " + option + "}");
            assertEquals(422, response.statusCode(), option);
            JsonNode error = JSON.readTree(response.body());
            assertEquals("audio streams: 0: aac 6ch ara (default), 1: aac 2ch eng", error.path("detail").asText(), option);
        }
    }

    @Test
    void optionsWorkAsGetQueryParametersToo() throws Exception {
        HttpResponse<byte[]> response = http.send(java.net.http.HttpRequest.newBuilder(uri("/extract-audio?savepath="
                + MediaFixtures.TWO_LANGUAGES + "&audio_format=pcm&language=eng&start=1.5&duration=2&sample_rate=8000")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("audio/L16;rate=8000;channels=1", header(response, "Content-Type"));
        assertEquals(2 * 8000 * 2, response.body().length, SEGMENT_TOLERANCE * 8000 * 2);
        assertEquals(1000, Pcm.toneHz(response.body(), 8000), 20);
    }

    @Test
    void badOptionsAre400NamingTheAllowedRange() throws Exception {
        String[][] cases = {
            {"\"sample_rate\": 7000", "sample_rate must be a whole number from 8000 to 192000; got 7000"},
            {"\"sample_rate\": \"fast\"", "sample_rate must be a number; got \"fast\""},
            {"\"channels\": 3", "channels must be a whole number from 1 to 2; got 3"},
            {"\"bitrate\": \"500k\"", "mp3 takes 32k to 320k (bit/s, e.g. 128000 or \"128k\"); got \"500k\""},
            {"\"audio_format\": \"opus\", \"bitrate\": 2000", "opus takes 6k to 256k (bit/s, e.g. 128000 or \"128k\"); got 2000"},
            {"\"audio_format\": \"wav\", \"bitrate\": 128000", "bitrate applies to lossy formats only: mp3, opus"},
            {"\"start\": -1", "start must be a number of seconds from 0 to 10000000, to the microsecond at most; got -1"},
            {"\"duration\": 0", "duration must be a number of seconds from 0.001 to 10000000, to the microsecond at most; got 0"},
            {"\"track\": -1", "track must be a whole number from 0 to 1000; got -1"},
            {"\"track\": 1.5", "track must be a whole number from 0 to 1000; got 1.5"},
            {"\"language\": \"english\"", "an ISO 639-1 or 639-2 tag such as \"en\" or \"eng\"; got \"english\""},
            {"\"track\": 0, \"language\": \"eng\"", "track picks by index, language by tag"},
            {"\"audio_format\": \"aac\", \"sample_rate\": 16000",
                "sample_rate and channels cannot change without re-encoding; use one of mp3, wav, flac, pcm, opus"},
            {"\"audio_format\": \"opus\", \"sample_rate\": 44100", "opus takes 8000, 12000, 16000, 24000, 48000"},
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> response = postJson("{\"savepath\": \"" + MediaFixtures.TV + "\", " + c[0] + "}");
            assertEquals(400, response.statusCode(), c[0] + ": " + text(response));
            assertEquals(c[1], JSON.readTree(response.body()).path("detail").asText(), c[0]);
        }
    }

    @Test
    void aacCutsLandWithinAFrameOfTheRequestWhateverTheKeyframes() throws Exception {
        // one keyframe every 10 s: a cut at 12 s used to start at 10 s and last 5 s
        for (String video : new String[] {MediaFixtures.LONG_GOP, MediaFixtures.LONG_GOP_MKV}) {
            HttpResponse<byte[]> response = http.send(java.net.http.HttpRequest.newBuilder(uri("/extract-audio?savepath=" + video
                    + "&audio_format=aac&start=12&duration=3")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), () -> text(response));
            assertEquals("3.000", response.headers().firstValue("X-Output-Duration").orElse(null));
            byte[] pcm = Pcm.decode(response.body());
            double seconds = pcm.length / 32000.0;
            assertEquals(3.0, seconds, 0.03, video + ": one AAC frame is 21 ms");
            assertEquals(MediaFixtures.longGopHz(12), Pcm.toneHz(pcm, 0.05, 0.4), 15, video + " starts in second 12");
            assertEquals(MediaFixtures.longGopHz(14), Pcm.toneHz(pcm, seconds - 0.45, 0.4), 15, video + " ends in second 14");
        }
    }
}
