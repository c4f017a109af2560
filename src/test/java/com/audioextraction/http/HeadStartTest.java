package com.audioextraction.http;

import java.util.List;

import com.audioextraction.extraction.ExtractionPlanner;
import com.audioextraction.ffmpeg.FfmpegBinary;
import com.audioextraction.ffmpeg.FfmpegCommand;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.probe.AudioStream;
import com.audioextraction.probe.MediaInfo;
import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.source.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The arguments ffmpeg is started with before the probe are the real plan's exactly when the guess
 * holds (so the early ffmpeg is kept), and differ whenever the probe changes anything (so it is not).
 */
class HeadStartTest {

    private static final Source SOURCE = new Source("file:/proc/1/fd/9", List.of(), "/data/tv/a.mp4", 100, null);
    private static final AudioStream STEREO_48K = new AudioStream(0, 1, "aac", 2, 48000, null, "eng", true);
    private static final AudioStream SURROUND_44K = new AudioStream(1, 2, "ac3", 6, 44100, null, "ara", false);

    private final ExtractionPlanner planner = new ExtractionPlanner();
    private final FfmpegCommand command = new FfmpegCommand(new FfmpegBinary("/usr/bin/ffmpeg", "PATH", "ffmpeg version x"));
    private final HeadStart headStart = new HeadStart(planner, command, java.time.Duration.ofSeconds(30));

    private static ExtractionRequest request(AudioFormat format, Integer rate, Integer track, String language) {
        return new ExtractionRequest("id", "tv/a.mp4", format, new ExtractionOptions(rate, null, null, 5.0, 10.0, track, language));
    }

    private List<String> planned(ExtractionRequest request, AudioStream... streams) {
        return command.toStream(SOURCE, planner.plan(request, new MediaInfo("tv/a.mp4", "mov", 60.0, 100, true, List.of(streams))));
    }

    @Test
    void theGuessIsThePlanForTheFirstStreamInEveryFormat() {
        for (AudioFormat format : AudioFormat.values()) {
            ExtractionRequest request = request(format, null, null, null);
            assertEquals(planned(request, STEREO_48K, SURROUND_44K), headStart.arguments(SOURCE, request), format.id());
        }
        ExtractionRequest whisper = request(AudioFormat.WAV, 16000, 1, null);
        assertEquals(planned(whisper, STEREO_48K, SURROUND_44K), headStart.arguments(SOURCE, whisper));
    }

    @Test
    void theGuessFailsWhenTheProbeChangesAnything() {
        // the default-flagged stream is the second one
        AudioStream firstNotDefault = new AudioStream(0, 1, "aac", 2, 48000, null, "eng", false);
        AudioStream secondDefault = new AudioStream(1, 2, "aac", 2, 48000, null, "ara", true);
        ExtractionRequest wav = request(AudioFormat.WAV, null, null, null);
        assertNotEquals(planned(wav, firstNotDefault, secondDefault), headStart.arguments(SOURCE, wav));
        // mp3 takes at most two channels: a 5.1 stream must be downmixed
        ExtractionRequest mp3 = request(AudioFormat.MP3, null, 1, null);
        assertNotEquals(planned(mp3, STEREO_48K, SURROUND_44K), headStart.arguments(SOURCE, mp3));
        // a rate the request asks for is given either way
        ExtractionRequest mp3Rate = request(AudioFormat.MP3, 22050, null, null);
        assertEquals(planned(mp3Rate, STEREO_48K), headStart.arguments(SOURCE, mp3Rate), "an asked-for rate holds");
    }

    @Test
    void aRateOrChannelCountTheFormatFixesHoldsWhateverTheStreamHas() {
        // pcm and opus are 16 kHz mono whatever the source: a stream that already is keeps the early ffmpeg too
        AudioStream whisperReady = new AudioStream(0, 1, "pcm_s16le", 1, 16000, null, null, true);
        AudioStream monoSpeech = new AudioStream(0, 1, "aac", 1, 22050, null, null, true);
        for (AudioFormat format : List.of(AudioFormat.PCM, AudioFormat.OPUS)) {
            ExtractionRequest request = request(format, null, null, null);
            for (AudioStream stream : List.of(whisperReady, monoSpeech, STEREO_48K)) {
                assertEquals(planned(request, stream), headStart.arguments(SOURCE, request), format.id() + " " + stream);
            }
        }
    }

    @Test
    void nothingStartsEarlyWhenOnlyTheProbeCanTell() {
        assertNull(headStart.arguments(SOURCE, request(AudioFormat.WAV, null, null, "eng")));
        ExtractionRequest speechOnly = new ExtractionRequest("id", "tv/a.mp4", AudioFormat.WAV,
                new ExtractionOptions(null, null, null, null, null, null, null, true, null));
        assertNull(headStart.arguments(SOURCE, speechOnly));
    }
}
