package com.audioextraction.extraction;

import java.util.List;

import com.audioextraction.ApiException;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.probe.AudioStream;
import com.audioextraction.probe.MediaInfo;
import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.request.ExtractionRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which stream is taken and what the output looks like, from a request and what the probe found. */
class ExtractionPlannerTest {

    private static final AudioStream ARABIC = new AudioStream(0, 1, "aac", 6, 48000, null, "ara", true);
    private static final AudioStream ENGLISH = new AudioStream(1, 2, "ac3", 2, 44100, null, "eng", false);
    private static final MediaInfo TWO_TRACKS = new MediaInfo("tv/a.mkv", "matroska,webm", 600.0, 1000, true, List.of(ARABIC, ENGLISH));

    private final ExtractionPlanner planner = new ExtractionPlanner();

    private static ExtractionRequest request(AudioFormat format, ExtractionOptions options) {
        return new ExtractionRequest("id", "tv/a.mkv", format, options);
    }

    private static ExtractionOptions none() {
        return new ExtractionOptions(null, null, null, null, null, null, null);
    }

    @Test
    void takesTheDefaultFlaggedStreamWithTheFormatsDefaults() {
        ExtractionPlan pcm = planner.plan(request(AudioFormat.PCM, none()), TWO_TRACKS);
        assertEquals(ARABIC, pcm.stream());
        assertEquals(16000, pcm.sampleRate());
        assertEquals(1, pcm.channels());
        assertNull(pcm.bitrate());
        ExtractionPlan mp3 = planner.plan(request(AudioFormat.MP3, none()), TWO_TRACKS);
        assertEquals(2, mp3.channels(), "mp3 takes at most two channels");
        assertEquals(48000, mp3.sampleRate());
        assertEquals(320_000, mp3.bitrate());
    }

    @Test
    void picksByLanguageInAnyIsoForm() {
        for (String tag : List.of("en", "eng")) {
            ExtractionOptions byLanguage = new ExtractionOptions(null, null, null, null, null, null, tag);
            assertEquals(ENGLISH, planner.plan(request(AudioFormat.WAV, byLanguage), TWO_TRACKS).stream());
        }
    }

    @Test
    void neverFallsBackToAnotherStreamSilently() {
        ExtractionOptions german = new ExtractionOptions(null, null, null, null, null, null, "de");
        ApiException none = assertThrows(ApiException.class, () -> planner.plan(request(AudioFormat.WAV, german), TWO_TRACKS));
        assertEquals(422, none.status());
        assertEquals("audio streams: 0: aac 6ch ara (default), 1: ac3 2ch eng", none.detail());
        ExtractionOptions track5 = new ExtractionOptions(null, null, null, null, null, 5, null);
        assertEquals(422, assertThrows(ApiException.class, () -> planner.plan(request(AudioFormat.WAV, track5), TWO_TRACKS)).status());
    }

    @Test
    void copiesOnlyAac() {
        ExtractionOptions english = new ExtractionOptions(null, null, null, null, null, 1, null);
        assertEquals("source audio is not AAC", assertThrows(ApiException.class,
                () -> planner.plan(request(AudioFormat.AAC, english), TWO_TRACKS)).error());
    }

    @Test
    void speechOnlyTakesTheNextRateThatIsAMultipleOf100HzUnlessOneWasAskedFor() {
        MediaInfo espeak = new MediaInfo("tv/a.mkv", "mov,mp4,m4a,3gp,3g2,mj2", 12.0, 1000, true,
                List.of(new AudioStream(0, 1, "aac", 1, 22050, null, null, true)));
        ExtractionOptions speechOnly = new ExtractionOptions(null, null, null, null, null, null, null, true, null);
        assertEquals(24000, planner.plan(request(AudioFormat.WAV, speechOnly), espeak).sampleRate());
        assertEquals(24000, planner.plan(request(AudioFormat.MP3, speechOnly), espeak).sampleRate());
        assertEquals(16000, planner.plan(request(AudioFormat.PCM, speechOnly), espeak).sampleRate());
        ExtractionOptions asked = new ExtractionOptions(22050, null, null, null, null, null, null, true, null);
        assertEquals(422, assertThrows(ApiException.class, () -> planner.plan(request(AudioFormat.WAV, asked), espeak)).status());
        ExtractionOptions plain = new ExtractionOptions(null, null, null, null, null, null, null);
        assertEquals(22050, planner.plan(request(AudioFormat.WAV, plain), espeak).sampleRate(), "only speech_only changes it");
    }

    @Test
    void theOutputDurationFollowsTheSegment() {
        ExtractionOptions segment = new ExtractionOptions(null, null, null, 590.0, 60.0, null, null);
        assertEquals(10.0, planner.plan(request(AudioFormat.PCM, segment), TWO_TRACKS).outputDuration(), 1e-9);
        ExtractionOptions pastTheEnd = new ExtractionOptions(null, null, null, 600.0, null, null, null);
        assertEquals(422, assertThrows(ApiException.class, () -> planner.plan(request(AudioFormat.PCM, pastTheEnd), TWO_TRACKS))
                .status());
    }
}
