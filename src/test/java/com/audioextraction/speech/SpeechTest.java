package com.audioextraction.speech;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.audioextraction.testsupport.SpeechFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Speech-aware extraction on real speech (espeak-ng sentences between digital silence, a noise bed
 * and a music-like bed, one sentence 12 dB quieter), against the truth measured from the sentences:
 * no word cut, most silence gone, timestamps mapped back to where they were.
 */
class SpeechTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private SpeechFixture.Truth truth;

    @BeforeAll
    void fixture() {
        truth = SpeechFixture.truth();
    }

    private JsonNode getJson(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<double[]> intervals(JsonNode list) {
        List<double[]> out = new ArrayList<>();
        list.forEach(i -> out.add(new double[] {i.path("start").asDouble(), i.path("end").asDouble()}));
        return out;
    }

    @Test
    void everySpokenStretchIsKeptWholeAndMostSilenceGoes() throws Exception {
        JsonNode speech = getJson("/speech?savepath=" + SpeechFixture.NEWS);
        List<double[]> segments = intervals(speech.path("segments"));
        for (double[] spoken : truth.speech()) {
            assertTrue(segments.stream().anyMatch(s -> s[0] <= spoken[0] && s[1] >= spoken[1]),
                    String.format("the words at %.3f-%.3f s are cut: %s", spoken[0], spoken[1], speech.path("segments")));
        }
        double silence = 0;
        double kept = 0;
        for (double[] pure : truth.silences()) {
            silence += pure[1] - pure[0];
            for (double[] s : segments) {
                kept += Math.max(0, Math.min(pure[1], s[1]) - Math.max(pure[0], s[0]));
            }
        }
        double removed = 1 - kept / silence;
        System.out.printf("speech: %.0f%% of %.1f s of pure silence removed; %s%n", 100 * removed, silence, speech);
        assertTrue(removed >= 0.8, "only " + removed + " of the silence removed");
    }

    @Test
    void aQuietRecordingGivesTheSameSpeech() throws Exception {
        List<double[]> loud = intervals(getJson("/speech?savepath=" + SpeechFixture.NEWS).path("speech"));
        List<double[]> quiet = intervals(getJson("/speech?savepath=" + SpeechFixture.QUIET).path("speech"));
        assertEquals(loud.size(), quiet.size());
        for (int i = 0; i < loud.size(); i++) {
            assertEquals(loud.get(i)[0], quiet.get(i)[0], 0.05);
            assertEquals(loud.get(i)[1], quiet.get(i)[1], 0.05);
        }
    }

    @Test
    void speechOnlyAudioMapsBackToSourceTimeWithin50Ms() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audio?savepath=" + SpeechFixture.NEWS
                + "&audio_format=pcm&speech_only=true")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        String header = response.headers().firstValue("X-Speech-Segments").orElseThrow();
        JsonNode speech = getJson("/speech?savepath=" + SpeechFixture.NEWS);
        StringBuilder fromSpeech = new StringBuilder();
        speech.path("segments").forEach(s -> fromSpeech.append(fromSpeech.length() > 0 ? "," : "")
                .append(seconds(s.path("start").asDouble())).append('-').append(seconds(s.path("end").asDouble())));
        assertEquals(fromSpeech.toString(), header, "speech_only and /speech with the same fields must agree");

        List<double[]> map = new ArrayList<>();
        for (String segment : header.split(",")) {
            String[] bounds = segment.split("-");
            map.add(new double[] {Double.parseDouble(bounds[0]), Double.parseDouble(bounds[1])});
        }
        double total = map.stream().mapToDouble(s -> s[1] - s[0]).sum();
        byte[] pcm = response.body();
        assertEquals(total, pcm.length / 32000.0, 0.011, "the output is as long as its segments");
        assertEquals(total, Double.parseDouble(response.headers().firstValue("X-Output-Duration").orElseThrow()), 0.001);

        // where each sentence starts in the output, mapped back with the documented formula
        double outputStart = 0;
        int checked = 0;
        double worst = 0;
        for (double[] segment : map) {
            var sentence = truth.speech().stream().filter(s -> s[0] >= segment[0] && s[0] < segment[1]).findFirst();
            if (sentence.isPresent()) { // the beds are segments too, with no sentence to find
                double onset = firstSound(pcm, outputStart, outputStart + segment[1] - segment[0]);
                double source = segment[0] + (onset - outputStart);
                assertEquals(sentence.get()[0], source, 0.05, "a sentence at output " + onset + " s maps to " + source + " s");
                worst = Math.max(worst, Math.abs(sentence.get()[0] - source));
                checked++;
            }
            outputStart += segment[1] - segment[0];
        }
        assertTrue(checked >= 3, "sentences checked: " + checked);
        System.out.printf("speech: %d sentence onsets mapped back, worst error %.1f ms%n", checked, worst * 1000);
    }

    @Test
    void speechOnlyWorksInLossyFormatsToo() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audio?savepath=" + SpeechFixture.NEWS
                + "&audio_format=mp3&speech_only=true")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        double expected = Double.parseDouble(response.headers().firstValue("X-Output-Duration").orElseThrow());
        assertEquals(expected, AudioProbe.of(response.body()).duration(), 0.08);
        assertTrue(expected < truth.duration() * 0.75, "pauses were cut: " + expected + " of " + truth.duration());
    }

    @Test
    void speechOnlyOnA22kHzRecordingComesOutAtTheNextRateThatCutsOn10MsFrames() throws Exception {
        // espeak-ng and many podcasts are 22050 Hz, which has no whole number of samples in 10 ms
        Path recording = MediaFixtures.bucket().resolve("speech/news-22k.m4a");
        if (!Files.exists(recording)) {
            MediaFixtures.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                    MediaFixtures.bucket().resolve(SpeechFixture.NEWS).toString(), "-vn", "-ar", "22050", "-c:a", "aac",
                    recording.toString()));
        }
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/extract-audio?savepath=speech/news-22k.m4a"
                + "&audio_format=wav&speech_only=true")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        AudioProbe wav = AudioProbe.of(response.body());
        assertEquals(24000, wav.sampleRate());
        assertEquals("24000", response.headers().firstValue("X-Sample-Rate").orElseThrow());
        assertEquals(Double.parseDouble(response.headers().firstValue("X-Output-Duration").orElseThrow()), wav.duration(), 0.01);
        assertTrue(wav.duration() < truth.duration() * 0.75, "pauses were cut: " + wav.duration() + " of " + truth.duration());
    }

    @Test
    void chunksAreContiguousCutInPausesAndTheirUrlsExtractThem() throws Exception {
        SpeechFixture.Truth long4 = SpeechFixture.longTruth();
        JsonNode plan = getJson("/chunks?savepath=" + SpeechFixture.LONG + "&audio_format=pcm&target_seconds=30&max_seconds=40");
        JsonNode chunks = plan.path("chunks");
        assertTrue(chunks.size() >= 3, plan.toString());
        double at = 0;
        for (JsonNode chunk : chunks) {
            assertEquals(at, chunk.path("start").asDouble(), 0.001, "chunks leave no gap");
            assertTrue(chunk.path("duration").asDouble() <= 40.0001, chunk.toString());
            at += chunk.path("duration").asDouble();
            if (at < plan.path("duration").asDouble() - 0.01) {
                double cut = at;
                assertTrue(long4.speech().stream().noneMatch(s -> cut > s[0] && cut < s[1]), "a cut at " + cut + " s splits words");
            }
        }
        assertEquals(plan.path("duration").asDouble(), at, 0.01);
        JsonNode second = chunks.get(1);
        HttpResponse<byte[]> audio = http.send(HttpRequest.newBuilder(uri(second.path("url").asText())).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, audio.statusCode());
        assertEquals(second.path("duration").asDouble(), audio.body().length / 32000.0, 0.02);
    }

    @Test
    void theSameRequestGivesTheSameSpeech() throws Exception {
        assertEquals(getJson("/speech?savepath=" + SpeechFixture.NEWS + "&min_silence=0.4"),
                getJson("/speech?savepath=" + SpeechFixture.NEWS + "&min_silence=0.4"));
    }

    @Test
    void speechOnlyRefusesACopiedFormat() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/extract-audio?savepath=" + MediaFixtures.TV
                + "&audio_format=aac&speech_only=true")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("speech_only re-encodes"), response.body());
    }

    /** The first moment (s) at or after {@code from} where the 16 kHz mono samples are not silent, before {@code to}. */
    private static double firstSound(byte[] pcm, double from, double to) {
        for (int i = (int) Math.round(from * 16000); i < Math.min(pcm.length / 2, (int) Math.round(to * 16000)); i++) {
            short sample = (short) ((pcm[2 * i + 1] << 8) | (pcm[2 * i] & 0xff));
            if (Math.abs(sample) > 300) {
                return i / 16000.0;
            }
        }
        throw new AssertionError("no sound between " + from + " and " + to + " s of the output");
    }

    private static String seconds(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
